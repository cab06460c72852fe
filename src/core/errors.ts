import type { ZodError } from 'zod';

/**
 * The catalogue of error codes, each mapped to one HTTP status. Every 4xx body is
 * `{ error: { code, message, fields?: [{ field, reason }] } }` so a client can say which
 * field was wrong and why.
 */
export const ERROR_STATUS = {
  validation_failed: 400,
  malformed_json: 400,
  bad_request: 400,
  unauthenticated: 401,
  csrf_failed: 403,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  too_many_requests: 429,
  internal: 500,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export interface FieldProblem {
  field: string;
  reason: string;
}

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields: FieldProblem[] = [],
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'AppError';
  }
  get status(): number {
    return ERROR_STATUS[this.code];
  }
  toBody() {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.fields.length ? { fields: this.fields } : {}),
      },
    };
  }
}

/** 404 for anything the caller may not see, whether it exists or not. */
export const notFound = (what = 'resource') => new AppError('not_found', `${what} not found`);

/** 400 naming one field and why. */
export const invalid = (field: string, reason: string) =>
  new AppError('validation_failed', `${field}: ${reason}`, [{ field, reason }]);

export const conflict = (message: string, field?: string) =>
  new AppError('conflict', message, field ? [{ field, reason: message }] : []);

/** Turns a zod error into field problems with dotted paths ("members.2.code"). */
export function fieldsFromZod(error: ZodError, prefix = ''): FieldProblem[] {
  return error.issues.map((issue) => {
    const path = [prefix, ...issue.path.map(String)].filter(Boolean).join('.');
    if (issue.code === 'unrecognized_keys') {
      const keys = (issue as unknown as { keys: string[] }).keys;
      return {
        field: [path, keys[0]].filter(Boolean).join('.'),
        reason: `unknown field${keys.length > 1 ? 's' : ''}: ${keys.join(', ')}`,
      };
    }
    return { field: path || '(body)', reason: issue.message };
  });
}

export function validationError(error: ZodError, prefix = ''): AppError {
  const fields = fieldsFromZod(error, prefix);
  const first = fields[0];
  return new AppError(
    'validation_failed',
    first ? `${first.field}: ${first.reason}` : 'invalid input',
    fields,
  );
}
