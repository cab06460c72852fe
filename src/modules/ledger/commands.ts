import { type Actor, actorDelegation, actorLabel } from '../../core/actor.ts';
import type { Db } from '../../db/connect.ts';
import { checkLedgerEntry, type LedgerAction } from './actions.ts';
import { bodyHash, payloadHash } from './hash.ts';

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
  /**
   * When what the entry records took effect, if earlier than now: a tacit consent is
   * recorded at the instant the window closed even when the runner got to it later.
   */
  at?: Date;
}

/** An entry as its writer knows it: written in the caller's transaction, its place still to come. */
export interface WrittenEntry {
  /**
   * The entry's lasting name (ledger_entries.record_id once it has its place): store this,
   * not a seq, to point at the entry (decisions, certificates).
   */
  recordId: number;
  at: string;
}

/** An entry that has its place in the record. */
export interface RecordedEntry {
  recordId: number;
  seq: number;
  hash: string;
  at: string;
}

/**
 * Writes an entry for the record inside the caller's transaction: it commits or rolls back
 * with the change it records. No lock is taken and no NOTIFY sent: the row goes into
 * ledger_pending, and the record's sequencer (sequencer.ts) gives it its number, chains it
 * and adds it to the Merkle tree once the transaction has committed, normally within a few
 * tens of milliseconds (see `SEQUENCER_POLL_MS`). The payload is checked first against its
 * action's schema (see `checkLedgerEntry` in actions.ts), and the body hash (every chained
 * field but the place in the chain) is computed here, off the sequencer's path.
 *
 * @example
 * await db.transaction().execute(async (trx) => {
 *   await trx.insertInto('users').values(row).execute();
 *   await appendEntry(trx, actor, { action: 'user.created', subjectType: 'user', subjectId: id });
 * });
 */
export async function appendEntry(trx: Db, actor: Actor, input: RecordInput): Promise<WrittenEntry> {
  const at = (input.at ?? new Date()).toISOString();
  // The payload as it reads back from jsonb (normalisePayload), and the text that is sent.
  const payloadJson = JSON.stringify(input.payload ?? {});
  const payload: unknown = JSON.parse(payloadJson);
  // An unknown action or a payload its schema refuses throws here and the caller's
  // transaction rolls back: nothing undeclared reaches the record.
  checkLedgerEntry(input.action, payload);
  const fields = {
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
  };
  const row = await trx
    .insertInto('ledger_pending')
    .values({
      at,
      actor_id: fields.actorId,
      actor_label: fields.actorLabel,
      delegation: fields.delegation,
      action: fields.action,
      subject_type: fields.subjectType,
      subject_id: fields.subjectId,
      classification: fields.classification,
      audience: fields.audience,
      payload: payloadJson,
      payload_hash: fields.payloadHash,
      body_hash: bodyHash(fields),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { recordId: Number(row.id), at };
}
