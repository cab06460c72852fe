import { type Actor, type Person, personFromRow } from '../../core/actor.ts';
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
import {
  checkAccount,
  checkAddress,
  countFailure,
  forgetFailures,
  lockAddress,
  throttleKey,
} from './throttle.ts';

export type SignInResult =
  | { ok: true; user: UserRow; sessionToken: string; csrfToken: string; expiresAt: Date }
  | { ok: false; error: AppError };

/**
 * Checks a password and opens a session. A failure writes nothing to the record (nothing an
 * unauthenticated caller typed may reach it): it is counted in `sign_in_failures` by the
 * caller's address, and by account when the name was one, and that count throttles later
 * tries (`throttle.ts`). The count must commit, so the caller throws `error` only after the
 * transaction. `address` is the client's (`clientAddress`); in-process callers leave it out.
 */
export async function signIn(
  trx: Db,
  input: { username: string; password: string },
  opts: { sessionHours: number; now?: Date; address?: string },
): Promise<SignInResult> {
  const now = opts.now ?? new Date();
  const key = throttleKey(opts.address ?? 'local');
  await lockAddress(trx, key);
  const address = await checkAddress(trx, key, now);
  if (address.refusal) return { ok: false, error: address.refusal };

  const username = input.username.trim().toLowerCase();
  const user = await trx
    .selectFrom('users')
    .selectAll()
    .where('username', '=', username)
    .forUpdate()
    .executeTakeFirst();
  const wrong = new AppError('unauthenticated', 'the username or password is wrong');

  if (!user || user.disabled_at) {
    // The same work and answer as a wrong password, so neither is told apart by time.
    await verifyPassword(await decoyPasswordHash(), input.password);
    await countFailure(trx, key, user?.id ?? null, now);
    return { ok: false, error: wrong };
  }
  if (address.failures > 0) {
    const refusal = await checkAccount(trx, user.id, now);
    if (refusal) return { ok: false, error: refusal };
  }
  if (!(await verifyPassword(user.password_hash, input.password))) {
    await countFailure(trx, key, user.id, now);
    return { ok: false, error: wrong };
  }

  await forgetFailures(trx, key, user.id);
  const sessionToken = randomToken();
  const csrfToken = randomToken();
  const expiresAt = new Date(now.getTime() + opts.sessionHours * 3_600_000);
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

/**
 * Changes the caller's own password; every other session of theirs ends, and with
 * `revokeTokens` (the default) every API token too, the one sending the request included.
 * The record says whether tokens were revoked, and names each by its name and prefix.
 */
export async function changePassword(
  trx: Db,
  person: Person,
  input: { currentPassword: string; newPassword: string; revokeTokens?: boolean },
  keepSessionId?: string,
) {
  const revokeTokens = input.revokeTokens ?? true;
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
  const now = new Date();
  await trx
    .updateTable('users')
    .set({ password_hash: await hashPassword(input.newPassword), password_changed_at: now })
    .where('id', '=', person.id)
    .execute();
  let others = trx.deleteFrom('sessions').where('user_id', '=', person.id);
  if (keepSessionId) others = others.where('id', '<>', keepSessionId);
  await others.execute();
  const revoked = revokeTokens
    ? await trx
        .updateTable('api_tokens')
        .set({ revoked_at: now })
        .where('user_id', '=', person.id)
        .where('revoked_at', 'is', null)
        .returning(['id', 'name', 'prefix'])
        .execute()
    : [];
  await appendEntry(trx, person, {
    action: 'auth.password_changed',
    subjectType: 'user',
    subjectId: person.id,
    payload: { revokeTokens, tokensRevoked: revoked.length },
    audience: audience(person),
  });
  for (const token of revoked.sort((a, b) => a.prefix.localeCompare(b.prefix)))
    await appendEntry(trx, person, {
      action: 'token.revoked',
      subjectType: 'api_token',
      subjectId: token.id,
      payload: { name: token.name, prefix: token.prefix },
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
