import type { Actor } from '../../core/actor.ts';
import type { Db } from '../../db/connect.ts';
import type { LedgerEntryRow } from '../../db/schema.ts';
import { can, ledgerEntriesVisibleTo } from '../../policy/index.ts';
import { type Checkpoint, presentCheckpoint, publicKeys } from './signing.ts';
import { ChainVerifier, type ExportedEntry, type VerifyResult } from './verify.ts';

/** The entries the actor may read, newest first, before a sequence number. */
export async function listEntries(db: Db, actor: Actor, opts: { before?: number; limit: number }) {
  let query = db
    .selectFrom('ledger_entries')
    .selectAll()
    .where(ledgerEntriesVisibleTo(actor))
    .orderBy('seq', 'desc')
    .limit(opts.limit + 1);
  if (opts.before) query = query.where('seq', '<', opts.before);
  const rows = await query.execute();
  const more = rows.length > opts.limit;
  const items = rows.slice(0, opts.limit);
  return { items, nextBefore: more ? Number(items[items.length - 1].seq) : null };
}

export function toExported(row: LedgerEntryRow, showPayload: boolean): ExportedEntry {
  return {
    seq: Number(row.seq),
    at: row.at.toISOString(),
    actorId: row.actor_id,
    actorLabel: row.actor_label,
    delegation: row.delegation,
    action: row.action,
    subjectType: row.subject_type,
    subjectId: row.subject_id,
    classification: row.classification,
    audience: row.audience,
    payloadHash: row.payload_hash,
    prevHash: row.prev_hash,
    hash: row.hash,
    payload: showPayload ? row.payload : null,
  };
}

/**
 * Every entry of the record in order, read in pages. Entries the actor may not read keep
 * their place in the chain but their payload is hidden behind its hash.
 */
export async function* streamEntries(db: Db, actor: Actor, pageSize = 2000): AsyncGenerator<ExportedEntry> {
  const page = (after: number) =>
    db
      .selectFrom('ledger_entries')
      .selectAll()
      .where('seq', '>', after)
      .orderBy('seq')
      .limit(pageSize)
      .execute();
  // Fetch the next page while the caller works through this one.
  let next = page(0);
  for (;;) {
    const rows = await next;
    if (rows.length === pageSize) next = page(Number(rows[rows.length - 1].seq));
    for (const row of rows) yield toExported(row, can(actor, 'read', 'ledgerEntry', row));
    if (rows.length < pageSize) return;
  }
}

export async function listCheckpoints(db: Db): Promise<Checkpoint[]> {
  const rows = await db.selectFrom('ledger_checkpoints').selectAll().orderBy('seq').execute();
  return rows.map(presentCheckpoint);
}

export async function ledgerHead(db: Db) {
  const head = await db.selectFrom('ledger_head').select(['seq', 'hash']).executeTakeFirstOrThrow();
  const count = await db
    .selectFrom('ledger_entries')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return { seq: Number(head.seq), hash: head.hash, entries: Number(count.n) };
}

/**
 * Verifies the whole chain in the live database: every entry's hash, the links between
 * them, the head, and the signed checkpoints.
 */
export async function verifyDatabase(
  db: Db,
  onProgress?: (checked: number, total: number) => void,
): Promise<VerifyResult> {
  const [checkpoints, keys, head] = await Promise.all([listCheckpoints(db), publicKeys(db), ledgerHead(db)]);
  const verifier = new ChainVerifier(checkpoints, keys);
  let n = 0;
  const total = Math.max(head.entries, head.seq);
  for await (const entry of streamEntries(db, { kind: 'system', label: 'verify' })) {
    if (!verifier.push(entry)) break;
    n++;
    if (onProgress && n % 1000 === 0) onProgress(n, total);
  }
  onProgress?.(n, total);
  return verifier.finish({ seq: head.seq, hash: head.hash });
}
