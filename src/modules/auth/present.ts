import type { Selectable } from 'kysely';
import type { ApiTokensTable } from '../../db/schema.ts';

const iso = (d: Date | null) => d?.toISOString() ?? null;

/** An API token as its owner sees it: never the token, only its first characters. */
export function presentToken(row: Selectable<ApiTokensTable>) {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    createdAt: row.created_at.toISOString(),
    lastUsedAt: iso(row.last_used_at),
    expiresAt: iso(row.expires_at),
    revokedAt: iso(row.revoked_at),
  };
}
