import { z } from '@hono/zod-openapi';

const StateCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}$/, 'must be a two-letter ISO 3166 code');

export const DelegationParam = z.object({ state: StateCode });
export const AuthorisationParam = DelegationParam.extend({ userId: z.uuid('is not a user id') });

export const AuthorisationSchema = z
  .object({
    userId: z.uuid(),
    username: z.string(),
    displayName: z.string(),
    grantedBy: z.string(),
    grantedAt: z.string(),
  })
  .openapi('DelegateAuthorisation');
