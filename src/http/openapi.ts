import type { Hook } from '@hono/zod-openapi';
import { z } from '@hono/zod-openapi';
import { validationError } from '../core/errors.ts';
import type { AppEnv } from './env.ts';
import { errorResponse } from './errors.ts';

export const ErrorBody = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: 'validation_failed' }),
      message: z.string(),
      fields: z.array(z.object({ field: z.string(), reason: z.string() })).optional(),
    }),
  })
  .openapi('Error');

const errorContent = (description: string) => ({
  description,
  content: { 'application/json': { schema: ErrorBody } },
});

/** The error answers every authenticated endpoint can give. */
export const standardErrors = {
  400: errorContent('Invalid input: the body names the field and the reason'),
  401: errorContent('Not signed in'),
  404: errorContent('Not found, or not visible to the caller'),
} as const;

/** The other error answers, for the routes that give them. */
export const otherErrors = {
  403: errorContent('The caller may read it but not do this'),
  409: errorContent('Conflicts with the current state: the body says why'),
  429: errorContent('Too many requests: try again after Retry-After seconds'),
} as const;

/** A JSON response of the given schema. */
export const jsonResponse = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

/** A required JSON request body of the given schema. */
export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  required: true,
  content: { 'application/json': { schema } },
});

/** The validation hook: a failed zod check answers 400 naming each field and why. */
export const validationHook: Hook<unknown, AppEnv, string, unknown> = (result, c) => {
  if (!result.success) {
    const target = (result as { target?: string }).target;
    const prefix = target === 'json' ? '' : target === 'param' ? 'path' : (target ?? '');
    return errorResponse(c, validationError(result.error as never, prefix));
  }
};

/** Names shared by every module: a bilingual text. */
export const Bilingual = z.object({ en: z.string(), ru: z.string() }).openapi('Bilingual');
export const NoContent = { description: 'Done' } as const;
