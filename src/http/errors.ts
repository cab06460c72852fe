import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { AppError } from '../core/errors.ts';

/** PostgreSQL error classes that mean the input was wrong, never a server fault. */
function fromDatabaseError(err: {
  code?: string;
  constraint?: string;
  detail?: string;
  column?: string;
}): AppError | null {
  switch (err.code) {
    case '23505':
      return new AppError('conflict', `already exists${err.detail ? `: ${err.detail}` : ''}`, [
        { field: err.constraint ?? '(body)', reason: 'already exists' },
      ]);
    case '23503':
      return new AppError(
        'validation_failed',
        `refers to something that does not exist${err.detail ? `: ${err.detail}` : ''}`,
        [{ field: err.constraint ?? '(body)', reason: 'refers to something that does not exist' }],
      );
    case '23514':
    case '23502':
      return new AppError(
        'validation_failed',
        `not allowed by the rules of the data (${err.constraint ?? err.column ?? 'check'})`,
        [{ field: err.column ?? err.constraint ?? '(body)', reason: 'not allowed' }],
      );
    case '22001':
    case '22003':
    case '22007':
    case '22008':
    case '22P02':
      return new AppError('validation_failed', 'a value has the wrong form or size', [
        { field: '(body)', reason: 'wrong form or size' },
      ]);
    case '22021':
    case '22P05':
      // A NUL character (or bytes not valid in UTF-8) in some text, or in jsonb a NUL or a lone
      // surrogate escape ("\ud800"): PostgreSQL cannot store it. The text check
      // (src/http/text-check.ts) refuses these first, naming the field; this is the last line.
      return new AppError(
        'validation_failed',
        'a text value contains a character that cannot be stored (such as NUL)',
        [{ field: '(body)', reason: 'contains a character that cannot be stored' }],
      );
    case '40001':
    case '40P01':
      return new AppError('conflict', 'a concurrent change got there first; try again');
    default:
      return null;
  }
}

/** Maps any thrown error to the catalogue; unknown errors are logged and answer 500. */
export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  if (err instanceof HTTPException) {
    if (err.status === 413) return new AppError('payload_too_large', 'the request body is too large');
    const message = err.message || 'bad request';
    if (/malformed json/i.test(message))
      return new AppError('malformed_json', 'the request body is not valid JSON', [
        { field: '(body)', reason: 'not valid JSON' },
      ]);
    if (err.status === 400) return new AppError('bad_request', message);
    if (err.status === 401) return new AppError('unauthenticated', message);
    if (err.status === 404) return new AppError('not_found', message);
  }
  if (err instanceof SyntaxError) {
    return new AppError('malformed_json', 'the request body is not valid JSON', [
      { field: '(body)', reason: 'not valid JSON' },
    ]);
  }
  if (err && typeof err === 'object' && 'code' in err) {
    const mapped = fromDatabaseError(err as never);
    if (mapped) return mapped;
  }
  console.error('accord: unexpected error', err);
  return new AppError('internal', 'an unexpected error occurred; it has been logged');
}

export function errorResponse(c: Context, err: unknown) {
  const appError = toAppError(err);
  for (const [name, value] of Object.entries(appError.headers)) c.header(name, value);
  return c.json(appError.toBody(), appError.status as ContentfulStatusCode);
}
