import { z } from '@hono/zod-openapi';
import { Password } from '../../core/secrets.ts';
import { MeSchema } from '../users/index.ts';

/** Text that is valid Unicode: a lone surrogate ("\ud800") cannot be UTF-8, so it is refused here, naming the field. */
const wellFormed = (text: z.ZodString) =>
  text.refine((v) => !/\p{Cs}/u.test(v), 'holds a lone surrogate: not valid Unicode text');

export const SignInInput = z
  .strictObject({
    username: wellFormed(z.string().min(1, 'is required').max(64)),
    password: wellFormed(z.string().min(1, 'is required').max(200)),
  })
  .openapi('SignInInput');

export const SessionOutput = z.object({ user: MeSchema, csrfToken: z.string() }).openapi('Session');

export const ChangePasswordInput = z
  .strictObject({
    currentPassword: wellFormed(z.string().min(1, 'is required').max(200)),
    newPassword: Password,
    revokeTokens: z.boolean().default(true).openapi({
      description: 'Also revoke all your API tokens, the one sending this included (default true)',
    }),
  })
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

/**
 * Sign-in throttling (the rules: `src/modules/auth/throttle.ts`). Failures count for
 * `windowMinutes`. An address with `perAddress` failures in the window is refused until the
 * oldest leaves it. An account with `accountDelayFrom` or more failures (n) makes tries from
 * addresses that have failed in the window wait 2^(n-2) s after its last failure, at most
 * `accountDelayCapSeconds`; there is no lock-out.
 */
export const SIGN_IN_LIMITS = {
  windowMinutes: 15,
  perAddress: 10,
  accountDelayFrom: 3,
  accountDelayCapSeconds: 60,
} as const;
