import { sql } from 'kysely';
import type { Actor } from '../../core/actor.ts';
import { subjectResolver } from '../../core/registry.ts';
import type { Db } from '../../db/connect.ts';
import type { LedgerEntryRow } from '../../db/schema.ts';
import { can, ledgerEntriesVisibleTo } from '../../policy/index.ts';
import { listCheckpoints } from './checkpoints.ts';
import { bodyHash } from './hash.ts';
import { publishedKeys } from './keys.ts';
import { parseVerifierKey, type Verifier } from './note.ts';
import { pushRecordBytes } from './record-bytes.ts';
import { rootAt } from './tree.ts';
import { type Anchors, ChainVerifier, type ExportedEntry, type VerifyResult } from './verify.ts';

/** What a reader may narrow the record to; every filter given must hold. */
export interface EntryFilters {
  /** Any of these action kinds. */
  actions?: string[];
  subjectType?: string;
  subjectId?: string;
  /** The person who acted (their id). */
  actor?: string;
  /** The delegation the actor spoke for: a state code, "secretariat" or "partner:CODE". */
  state?: string;
  /** At or after this instant. */
  from?: Date;
  /** Before this instant (exclusive). */
  to?: Date;
}

/**
 * The entries the actor may read (`ledgerEntriesVisibleTo`), newest first, before a
 * sequence number, narrowed by the filters. Paging is by `seq` (keyset), so a page never
 * repeats or skips an entry while new ones are appended.
 */
export async function listEntries(
  db: Db,
  actor: Actor,
  opts: EntryFilters & { before?: number; limit: number },
) {
  let query = db
    .selectFrom('ledger_entries')
    .selectAll()
    .where(ledgerEntriesVisibleTo(actor))
    .orderBy('seq', 'desc')
    .limit(opts.limit + 1);
  if (opts.before) query = query.where('seq', '<', opts.before);
  if (opts.actions?.length) query = query.where('action', 'in', opts.actions);
  if (opts.subjectType) query = query.where('subject_type', '=', opts.subjectType);
  if (opts.subjectId) query = query.where('subject_id', '=', opts.subjectId);
  if (opts.actor) query = query.where('actor_id', '=', opts.actor);
  if (opts.state) query = query.where('delegation', '=', opts.state);
  if (opts.from) query = query.where('at', '>=', opts.from);
  if (opts.to) query = query.where('at', '<', opts.to);
  const rows = await query.execute();
  const more = rows.length > opts.limit;
  const items = rows.slice(0, opts.limit);
  return { items, nextBefore: more ? Number(items[items.length - 1].seq) : null };
}

/** A subject's name and web page as the reader may see them. */
export interface SubjectName {
  label: string;
  path: string | null;
}

/** The key of a subject in the map `resolveSubjects` answers. */
export const subjectKey = (type: string, id: string) => `${type}\u0000${id}`;

/**
 * The names and pages of the entries' subjects, and of the people who acted (as `user`
 * subjects), that the reader may read: one batch per subject type, through the resolver
 * its module declared (`subjectResolver`). A type no module resolves, and a subject the
 * resolver leaves out (unknown or not readable), has no name.
 */
export async function resolveSubjects(
  db: Db,
  actor: Actor,
  rows: Pick<LedgerEntryRow, 'subject_type' | 'subject_id' | 'actor_id'>[],
): Promise<Map<string, SubjectName>> {
  const idsByType = new Map<string, Set<string>>();
  const want = (type: string, id: string) => {
    const ids = idsByType.get(type) ?? new Set<string>();
    ids.add(id);
    idsByType.set(type, ids);
  };
  for (const row of rows) {
    want(row.subject_type, row.subject_id);
    if (row.actor_id) want('user', row.actor_id);
  }
  const names = new Map<string, SubjectName>();
  await Promise.all(
    [...idsByType].map(async ([type, ids]) => {
      const resolve = subjectResolver(type);
      if (!resolve) return;
      for (const [id, name] of await resolve(db, actor, [...ids])) names.set(subjectKey(type, id), name);
    }),
  );
  return names;
}

/**
 * An entry as exported: every chained field and the payload when the reader may read the
 * entry; otherwise only its place in the chain (seq, hashes) and the hash of its body, so
 * the chain and the Merkle tree still verify without showing what happened, to whom, or by
 * whom.
 */
export function toExported(row: LedgerEntryRow, readable: boolean): ExportedEntry {
  const fields = {
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
  };
  if (!readable)
    return { seq: fields.seq, prevHash: fields.prevHash, hash: fields.hash, bodyHash: bodyHash(fields) };
  return { ...fields, payload: row.payload };
}

/**
 * Every entry of the record in order, read in pages. Entries the actor may not read keep
 * their place in the chain but are reduced to their hashes.
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

export async function ledgerHead(db: Db) {
  const head = await db.selectFrom('ledger_head').select(['seq', 'hash']).executeTakeFirstOrThrow();
  const count = await db
    .selectFrom('ledger_entries')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return { seq: Number(head.seq), hash: head.hash, entries: Number(count.n) };
}

/** The log keys the record publishes, as note verifiers (keys from before migration 0014 have none). */
export async function publishedVerifiers(db: Db): Promise<Verifier[]> {
  return (await publishedKeys(db)).flatMap((k) => (k.verifierKey ? [parseVerifierKey(k.verifierKey)] : []));
}

/** Every checkpoint of the record as a signed note with its co-signatures, oldest first. */
export async function checkpointNotes(db: Db): Promise<string[]> {
  return (await listCheckpoints(db)).map((c) => c.note).reverse();
}

/**
 * Verifies the whole record in the live database: every entry's hash and link, the head,
 * the stored Merkle tree, the checkpoints, and the anchors given (see `Anchors`).
 */
export async function verifyDatabase(
  db: Db,
  anchors: Anchors = {},
  onProgress?: (checked: number, total: number) => void,
): Promise<VerifyResult> {
  const [notes, published, head] = await Promise.all([
    checkpointNotes(db),
    publishedVerifiers(db),
    sql<{ seq: number; hash: string; lastSeq: number }>`
      select h.seq, h.hash, coalesce((select max(seq) from ledger_entries), 0) as "lastSeq"
      from ledger_head h where h.id = 1`
      .execute(db)
      .then((r) => ({
        seq: Number(r.rows[0].seq),
        hash: r.rows[0].hash,
        lastSeq: Number(r.rows[0].lastSeq),
      })),
  ]);
  const verifier = new ChainVerifier(notes, published, anchors);
  // Every entry up to the head, and any past it (inserted there), read as the bytes their
  // hashes cover (record-bytes.ts).
  const total = Math.max(head.lastSeq, head.seq);
  const n = await pushRecordBytes(db, verifier, total, (done) => onProgress?.(done, total));
  onProgress?.(n, total);
  return verifier.finish({ seq: head.seq, hash: head.hash }, (size) => rootAt(db, size));
}
