import { type Person, personFromRow } from '../../core/actor.ts';
import { sha256 } from '../../core/secrets.ts';
import type { Db } from '../../db/connect.ts';
import { preparedQuery } from '../../db/prepared.ts';

export interface SessionAuth {
  kind: 'session';
  sessionId: string;
  csrfToken: string;
  person: Person;
}
export interface TokenAuth {
  kind: 'token';
  tokenId: string;
  person: Person;
}
export type Authentication = SessionAuth | TokenAuth;

// Asked on every request: built and compiled once.
const sessionQuery = preparedQuery((db, id: string, now: Date) =>
  db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .selectAll('users')
    .select([
      'sessions.id as session_id',
      'sessions.csrf_token',
      'sessions.expires_at',
      'sessions.last_seen_at',
    ])
    .where('sessions.id', '=', id)
    .where('sessions.expires_at', '>', now)
    .where('users.disabled_at', 'is', null),
);

const tokenQuery = preparedQuery((db, tokenHash: string, now: Date) =>
  db
    .selectFrom('api_tokens')
    .innerJoin('users', 'users.id', 'api_tokens.user_id')
    .selectAll('users')
    .select(['api_tokens.id as token_id', 'api_tokens.last_used_at'])
    .where('api_tokens.token_hash', '=', tokenHash)
    .where('api_tokens.revoked_at', 'is', null)
    .where((eb) => eb.or([eb('api_tokens.expires_at', 'is', null), eb('api_tokens.expires_at', '>', now)]))
    .where('users.disabled_at', 'is', null),
);

/** The person behind a session cookie, if the session is live and the account enabled. */
export async function authenticateSession(
  db: Db,
  cookieValue: string,
  now = new Date(),
): Promise<SessionAuth | null> {
  const id = sha256(cookieValue);
  const row = await sessionQuery.takeFirst(db, id, now);
  if (!row) return null;
  // Touch at most once a minute to keep reads cheap.
  if (now.getTime() - row.last_seen_at.getTime() > 60_000) {
    await db.updateTable('sessions').set({ last_seen_at: now }).where('id', '=', id).execute();
  }
  return {
    kind: 'session',
    sessionId: row.session_id,
    csrfToken: row.csrf_token,
    person: personFromRow(row),
  };
}

/** The person behind a bearer API token, if it is neither revoked nor expired. */
export async function authenticateToken(db: Db, token: string, now = new Date()): Promise<TokenAuth | null> {
  const row = await tokenQuery.takeFirst(db, sha256(token), now);
  if (!row) return null;
  if (!row.last_used_at || now.getTime() - row.last_used_at.getTime() > 60_000) {
    await db.updateTable('api_tokens').set({ last_used_at: now }).where('id', '=', row.token_id).execute();
  }
  return { kind: 'token', tokenId: row.token_id, person: personFromRow(row) };
}
