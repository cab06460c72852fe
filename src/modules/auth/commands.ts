import { type Actor, type Person, personFromRow, systemActor } from '../../core/actor.ts';
import { AppError, invalid, notFound } from '../../core/errors.ts';
import {
  decoyPasswordHash,
  hashPassword,
  newApiToken,
  randomToken,
  sha256,
  verifyPassword,
} from '../../core/secrets.ts';
import type { Db } from '../../db/connect.ts';
import type { UserRow } from '../../db/schema.ts';
import { appendEntry } from '../ledger/index.ts';
import { audienceOfUser } from '../users/index.ts';
import { SIGN_IN_LIMITS } from './schema.ts';

export type SignInResult =
  | { ok: true; user: UserRow; sessionToken: string; csrfToken: string; expiresAt: Date }
  | { ok: false; error: AppError };

const anonymous = systemActor('anonymous');

/**
 * Checks a password and opens a session. Failures are recorded and committed too, so the
 * caller throws `error` only after the transaction: a failed sign-in still counts.
 */
export async function signIn(
  trx: Db,
  input: { username: string; password: string },
  opts: { sessionHours: number; now?: Date },
): Promise<SignInResult> {
  const now = opts.now ?? new Date();
  const username = input.username.trim().toLowerCase();
  const user = await trx
    .selectFrom('users')
    .selectAll()
    .where('username', '=', username)
    .forUpdate()
    .executeTakeFirst();
  const wrong = new AppError('unauthenticated', 'the username or password is wrong');

  if (!user) {
    await verifyPassword(await decoyPasswordHash(), input.password);
    await appendEntry(trx, anonymous, {
      action: 'auth.sign_in_failed',
      subjectType: 'username',
      subjectId: username.slice(0, 64),
      payload: { reason: 'unknown_user' },
      audience: [],
    });
    return { ok: false, error: wrong };
  }
  const record = (action: 'auth.sign_in_failed' | 'auth.account_locked', payload: Record<string, unknown>) =>
    appendEntry(trx, anonymous, {
      action,
      subjectType: 'user',
      subjectId: user.id,
      payload,
      audience: audienceOfUser(user),
    });

  if (user.disabled_at) {
    await verifyPassword(await decoyPasswordHash(), input.password);
    await record('auth.sign_in_failed', { reason: 'disabled' });
    return { ok: false, error: wrong };
  }
  if (user.locked_until && user.locked_until > now) {
    await record('auth.sign_in_failed', { reason: 'locked' });
    return { ok: false, error: lockedError(user.locked_until, now) };
  }
  if (user.sign_in_not_before && user.sign_in_not_before > now) {
    await record('auth.sign_in_failed', { reason: 'too_soon' });
    const seconds = Math.ceil((user.sign_in_not_before.getTime() - now.getTime()) / 1000);
    return {
      ok: false,
      error: new AppError('too_many_requests', `too many failed sign-ins: try again in ${seconds} s`, [], {
        'Retry-After': String(seconds),
      }),
    };
  }
  if (!(await verifyPassword(user.password_hash, input.password))) {
    const failures = user.failed_signins + 1;
    if (failures >= SIGN_IN_LIMITS.lockAt) {
      const lockedUntil = new Date(now.getTime() + SIGN_IN_LIMITS.lockMinutes * 60_000);
      await trx
        .updateTable('users')
        .set({ failed_signins: 0, locked_until: lockedUntil, sign_in_not_before: null })
        .where('id', '=', user.id)
        .execute();
      await record('auth.sign_in_failed', { reason: 'wrong_password', failures });
      await record('auth.account_locked', { until: lockedUntil.toISOString(), failures });
      return { ok: false, error: lockedError(lockedUntil, now) };
    }
    const wait = failures >= SIGN_IN_LIMITS.throttleFrom ? 2 ** (failures - 2) : 0;
    await trx
      .updateTable('users')
      .set({
        failed_signins: failures,
        sign_in_not_before: wait ? new Date(now.getTime() + wait * 1000) : null,
      })
      .where('id', '=', user.id)
      .execute();
    await record('auth.sign_in_failed', { reason: 'wrong_password', failures });
    return { ok: false, error: wrong };
  }

  const sessionToken = randomToken();
  const csrfToken = randomToken();
  const expiresAt = new Date(now.getTime() + opts.sessionHours * 3_600_000);
  await trx
    .updateTable('users')
    .set({ failed_signins: 0, locked_until: null, sign_in_not_before: null })
    .where('id', '=', user.id)
    .execute();
  await trx
    .insertInto('sessions')
    .values({ id: sha256(sessionToken), user_id: user.id, csrf_token: csrfToken, expires_at: expiresAt })
    .execute();
  await appendEntry(trx, personFromRow(user), {
    action: 'auth.signed_in',
    subjectType: 'user',
    subjectId: user.id,
    audience: audienceOfUser(user),
  });
  return { ok: true, user, sessionToken, csrfToken, expiresAt };
}

function lockedError(until: Date, now: Date) {
  const seconds = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
  return new AppError(
    'account_locked',
    `the account is locked after too many failed sign-ins until ${until.toISOString()}`,
    [],
    {
      'Retry-After': String(seconds),
    },
  );
}

export async function signOut(trx: Db, person: Person, sessionId: string) {
  await trx.deleteFrom('sessions').where('id', '=', sessionId).execute();
  await appendEntry(trx, person, {
    action: 'auth.signed_out',
    subjectType: 'user',
    subjectId: person.id,
    audience: audience(person),
  });
}

const audience = (p: Person) =>
  audienceOfUser({ affiliation: p.affiliation, state_code: p.stateCode, partner_code: p.partnerCode });

/** Changes the caller's own password; every other session of theirs ends. */
export async function changePassword(
  trx: Db,
  person: Person,
  input: { currentPassword: string; newPassword: string },
  keepSessionId?: string,
) {
  const user = await trx
    .selectFrom('users')
    .selectAll()
    .where('id', '=', person.id)
    .forUpdate()
    .executeTakeFirstOrThrow();
  if (!(await verifyPassword(user.password_hash, input.currentPassword))) {
    throw invalid('currentPassword', 'is not your current password');
  }
  if (input.newPassword === input.currentPassword)
    throw invalid('newPassword', 'must differ from the current password');
  await trx
    .updateTable('users')
    .set({ password_hash: await hashPassword(input.newPassword), password_changed_at: new Date() })
    .where('id', '=', person.id)
    .execute();
  let others = trx.deleteFrom('sessions').where('user_id', '=', person.id);
  if (keepSessionId) others = others.where('id', '<>', keepSessionId);
  await others.execute();
  await appendEntry(trx, person, {
    action: 'auth.password_changed',
    subjectType: 'user',
    subjectId: person.id,
    audience: audience(person),
  });
}

/** Creates an API token for the actor; the token itself is returned once and only its hash kept. */
export async function createToken(trx: Db, person: Person, input: { name: string; expiresInDays?: number }) {
  const token = newApiToken();
  const row = await trx
    .insertInto('api_tokens')
    .values({
      user_id: person.id,
      name: input.name,
      token_hash: sha256(token),
      prefix: token.slice(0, 10),
      expires_at: input.expiresInDays ? new Date(Date.now() + input.expiresInDays * 86_400_000) : null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await appendEntry(trx, person, {
    action: 'token.created',
    subjectType: 'api_token',
    subjectId: row.id,
    payload: { name: row.name, prefix: row.prefix, expiresAt: row.expires_at?.toISOString() ?? null },
    audience: audience(person),
  });
  return { token, row };
}

/** Revokes one of the actor's own tokens (or any, for the console). */
export async function revokeToken(trx: Db, actor: Actor, tokenId: string) {
  let query = trx.selectFrom('api_tokens').selectAll().where('id', '=', tokenId);
  if (actor.kind === 'person') query = query.where('user_id', '=', actor.id);
  const row = await query.forUpdate().executeTakeFirst();
  if (!row) throw notFound('token');
  if (row.revoked_at) return row;
  const revoked = await trx
    .updateTable('api_tokens')
    .set({ revoked_at: new Date() })
    .where('id', '=', tokenId)
    .returningAll()
    .executeTakeFirstOrThrow();
  const owner = await trx
    .selectFrom('users')
    .selectAll()
    .where('id', '=', row.user_id)
    .executeTakeFirstOrThrow();
  await appendEntry(trx, actor, {
    action: 'token.revoked',
    subjectType: 'api_token',
    subjectId: row.id,
    payload: { name: row.name, prefix: row.prefix },
    audience: audienceOfUser(owner),
  });
  return revoked;
}

export async function listTokens(db: Db, person: Person) {
  return db
    .selectFrom('api_tokens')
    .selectAll()
    .where('user_id', '=', person.id)
    .orderBy('created_at', 'desc')
    .execute();
}
