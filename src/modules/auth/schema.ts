import { z } from '@hono/zod-openapi';
import { Password } from '../../core/secrets.ts';
import { MeSchema } from '../users/index.ts';

export const SignInInput = z
  .strictObject({
    username: z.string().min(1, 'is required').max(64),
    password: z.string().min(1, 'is required').max(200),
  })
  .openapi('SignInInput');

export const SessionOutput = z.object({ user: MeSchema, csrfToken: z.string() }).openapi('Session');

export const ChangePasswordInput = z
  .strictObject({ currentPassword: z.string().min(1, 'is required').max(200), newPassword: Password })
  .openapi('ChangePasswordInput');

export const UpdateMeInput = z.strictObject({ locale: z.enum(['en', 'ru']) }).openapi('UpdateMeInput');

export const TokenSchema = z
  .object({
    id: z.string().uuid(),
    name: z.string(),
    prefix: z.string(),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
    expiresAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
  })
  .openapi('ApiToken');

export const CreateTokenInput = z
  .strictObject({
    name: z.string().trim().min(1, 'is required').max(100),
    expiresInDays: z.number().int().min(1).max(3650).optional(),
  })
  .openapi('CreateTokenInput');

export const CreatedToken = z
  .object({
    token: z.string().openapi({ description: 'Shown once; only its hash is kept' }),
    item: TokenSchema,
  })
  .openapi('CreatedToken');

/** Sign-in throttling: from the 3rd failure in a row wait 2^(n-2) s; the 5th locks for 15 minutes. */
export const SIGN_IN_LIMITS = { throttleFrom: 3, lockAt: 5, lockMinutes: 15 } as const;
