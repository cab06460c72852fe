import { z } from '@hono/zod-openapi';
import { standardErrors } from '../../http/openapi.ts';

/** What the clearance routes share: the 403 and 409 answers, a list body, a route's head. */

export const forbidden = {
  403: { ...standardErrors[401], description: 'The caller may read it but not do this' },
};
export const conflictResponse = {
  409: { ...standardErrors[400], description: 'Not now: submitted, closed, decided or past the window' },
};
export const notNow = { 409: { ...standardErrors[400], description: 'Not now' } };
export const list = <T extends z.ZodType>(schema: T) => z.object({ items: z.array(schema) });

/** The head of a route definition: method, path, summary and tags (Clearances unless named). */
export const route = <P extends string, M extends 'get' | 'post' | 'put' | 'delete'>(
  method: M,
  path: P,
  summary: string,
  tags = ['Clearances'],
) => ({ method, path, summary, tags });
