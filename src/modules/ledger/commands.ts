import { sql } from 'kysely';
import { type Actor, actorDelegation, actorLabel } from '../../core/actor.ts';
import type { Db } from '../../db/connect.ts';
import type { LedgerAction } from './actions.ts';
import { entryHash, normalisePayload, payloadHash } from './hash.ts';

export const LIVE_CHANNEL = 'accord_ledger';

export interface RecordInput {
  action: LedgerAction;
  subjectType: string;
  subjectId: string;
  payload?: Record<string, unknown>;
  /** Classification level of the payload (0 public … 3 secret). */
  classification?: number;
  /**
   * Who besides the secretariat may read the entry: state codes, "partner:CODE".
   * null means every member state.
   */
  audience?: string[] | null;
}

export interface RecordedEntry {
  seq: number;
  hash: string;
  at: string;
}

/**
 * Appends an entry to the record inside the caller's transaction. The head row is
 * locked so entries are numbered and chained one after another; call this as the last
 * step of a command to hold the lock briefly. A NOTIFY goes out when the transaction
 * commits, which is what feeds the live stream in every server process.
 *
 * @example
 * await db.transaction().execute(async (trx) => {
 *   await trx.insertInto('users').values(row).execute();
 *   await appendEntry(trx, actor, { action: 'user.created', subjectType: 'user', subjectId: id });
 * });
 */
export async function appendEntry(trx: Db, actor: Actor, input: RecordInput): Promise<RecordedEntry> {
  const head = await sql<{ seq: number; hash: string }>`
    select seq, hash from ledger_head where id = 1 for update`.execute(trx);
  const prev = head.rows[0];
  if (!prev) throw new Error('ledger_head is missing: run the migrations');
  const seq = Number(prev.seq) + 1;
  const at = new Date().toISOString();
  const payload = normalisePayload(input.payload ?? {});
  const fields = {
    seq,
    at,
    actorId: actor.kind === 'person' ? actor.id : null,
    actorLabel: actorLabel(actor),
    delegation: actorDelegation(actor),
    action: input.action,
    subjectType: input.subjectType,
    subjectId: input.subjectId,
    classification: input.classification ?? 0,
    audience: input.audience ?? null,
    payloadHash: payloadHash(payload),
    prevHash: prev.hash,
  };
  const hash = entryHash(fields);
  await trx
    .insertInto('ledger_entries')
    .values({
      seq,
      at,
      actor_id: fields.actorId,
      actor_label: fields.actorLabel,
      delegation: fields.delegation,
      action: fields.action,
      subject_type: fields.subjectType,
      subject_id: fields.subjectId,
      classification: fields.classification,
      audience: fields.audience,
      payload: JSON.stringify(payload),
      payload_hash: fields.payloadHash,
      prev_hash: fields.prevHash,
      hash,
    })
    .execute();
  await sql`update ledger_head set seq = ${seq}, hash = ${hash} where id = 1`.execute(trx);
  await sql`select pg_notify(${LIVE_CHANNEL}, ${String(seq)})`.execute(trx);
  return { seq, hash, at };
}
