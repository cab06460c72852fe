import { CompiledQuery } from 'kysely';
import { type Actor, actorDelegation, actorLabel } from '../../core/actor.ts';
import type { Db } from '../../db/connect.ts';
import { afterKept, withCommit } from '../../db/with-commit.ts';
import { checkLedgerEntry, type LedgerAction } from './actions.ts';
import { bodyHash, canonicalPayload, sha256Hex } from './hash.ts';

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
  /** The instant it records (ISO). */
  at: string;
}

/** An entry written to be pointed at: its record id names it before and after it has its place. */
export interface ReferencedEntry extends WrittenEntry {
  /**
   * The entry's lasting name (ledger_entries.record_id once it has its place): store this,
   * not a seq, to point at the entry (decisions, certificates).
   */
  recordId: number;
}

/** An entry that has its place in the record. */
export interface RecordedEntry {
  recordId: number;
  seq: number;
  hash: string;
  at: string;
}

// The pending entry, one statement; its parameters are cast so that it also reads with them
// written in as literals (sent with COMMIT, src/db/with-commit.ts).
const INSERT_PENDING = `insert into ledger_pending (at, actor_id, actor_label, delegation, action, subject_type,
  subject_id, classification, audience, payload_json, payload_hash, body_hash)
values ($1::timestamptz, $2::uuid, $3::text, $4::text, $5::text, $6::text, $7::text, $8::smallint, $9::text[],
  $10::text, $11::text, $12::text)`;

/**
 * Writes an entry for the record inside the caller's transaction: it commits or rolls back
 * with the change it records. No lock is taken, no NOTIFY sent, and no round trip spent: the
 * row for ledger_pending goes to the database with the transaction's COMMIT (`withCommit`),
 * and the record's sequencer (sequencer.ts) gives it its number, chains it and adds it to the
 * Merkle tree once it has committed, normally within a few tens of milliseconds (see
 * `SEQUENCER_POLL_MS`). The payload is checked first against its action's schema (see
 * `checkLedgerEntry` in actions.ts), and the body hash (every chained field but the place in
 * the chain) is computed here, off the sequencer's path. Nothing in the transaction reads the
 * entry back; a command that must point at it uses `appendReferencedEntry`.
 *
 * @example
 * await db.transaction().execute(async (trx) => {
 *   await trx.insertInto('users').values(row).execute();
 *   await appendEntry(trx, actor, { action: 'user.created', subjectType: 'user', subjectId: id });
 * });
 */
export async function appendEntry(trx: Db, actor: Actor, input: RecordInput): Promise<WrittenEntry> {
  const { at, parameters } = pendingRow(actor, input);
  const query = CompiledQuery.raw(INSERT_PENDING, parameters);
  await trx.executeQuery(trx.isTransaction ? withCommit(query) : query);
  return { at };
}

/**
 * `appendEntry` for an entry something will point at (a decision, a certificate, a restore's
 * summary): written at once, one round trip (two when entries the transaction wrote before
 * wait for the COMMIT: they go first, so the entries keep the order they were written in),
 * answering its record id.
 */
export async function appendReferencedEntry(
  trx: Db,
  actor: Actor,
  input: RecordInput,
): Promise<ReferencedEntry> {
  const { at, parameters } = pendingRow(actor, input);
  const result = await trx.executeQuery<{ id: number }>(
    afterKept(CompiledQuery.raw(`${INSERT_PENDING}\nreturning id`, parameters)),
  );
  const row = result.rows[0];
  if (!row) throw new Error('the pending entry was not written');
  return { recordId: Number(row.id), at };
}

/** The checked entry as the parameters of INSERT_PENDING. */
function pendingRow(actor: Actor, input: RecordInput): { at: string; parameters: unknown[] } {
  const at = (input.at ?? new Date()).toISOString();
  // The payload as it reads back from jsonb (normalisePayload).
  const payload: unknown = JSON.parse(JSON.stringify(input.payload ?? {}));
  // An unknown action or a payload its schema refuses throws here and the caller's
  // transaction rolls back: nothing undeclared reaches the record.
  checkLedgerEntry(input.action, payload);
  // The text hashed is the text kept (payload_json, from which the sequencer makes the jsonb
  // value): the verifier hashes it as it is stored.
  const payloadText = canonicalPayload(payload);
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
    payloadHash: sha256Hex(payloadText),
  };
  return {
    at,
    parameters: [
      at,
      fields.actorId,
      fields.actorLabel,
      fields.delegation,
      fields.action,
      fields.subjectType,
      fields.subjectId,
      fields.classification,
      fields.audience,
      payloadText,
      fields.payloadHash,
      bodyHash(fields),
    ],
  };
}
