import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from '@hono/zod-openapi';
import { type Algorithm, hash, verify } from '@node-rs/argon2';

// Hashes, tokens and the password rule: primitives that sign-in (auth), people (users),
// calendar feeds (notifications) and webhooks (their secrets) share.

export const PASSWORD_MIN = 10;
/** A new password: at least PASSWORD_MIN characters. */
export const Password = z.string().min(PASSWORD_MIN, `must be at least ${PASSWORD_MIN} characters`).max(200);

/** argon2id with OWASP's recommended minimums (19 MiB, 2 passes). */
const ARGON2 = {
  algorithm: 2 as Algorithm.Argon2id,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const;

export const hashPassword = (password: string) => hash(password, ARGON2);

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/** A hash that no password matches, verified against for unknown users so timing does not tell. */
let decoyHash: Promise<string> | undefined;
export const decoyPasswordHash = () => {
  decoyHash ??= hashPassword(randomBytes(16).toString('hex'));
  return decoyHash;
};

export const randomToken = (bytes = 32) => randomBytes(bytes).toString('base64url');
export const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export const API_TOKEN_PREFIX = 'acc_';
export const newApiToken = () => `${API_TOKEN_PREFIX}${randomToken(30)}`;
