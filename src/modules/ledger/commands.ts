import { sql } from 'kysely';
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

export interface RecordedEntry {
  seq: number;
  hash: string;
  at: string;
}

/**
 * Appends an entry to the record inside the caller's transaction. The head row is
 * locked so entries are numbered and chained one after another; call this as the last
 * step of a command to hold the lock briefly. A NOTIFY goes out when the transaction
 * commits, which is what feeds the live stream in every server process. The payload is
 * checked first against its action's schema (see `checkLedgerEntry` in actions.ts).
 *
 * @example
 * await db.transaction().execute(async (trx) => {
 *   await trx.insertInto('users').values(row).execute();
 *   await appendEntry(trx, actor, { action: 'user.created', subjectType: 'user', subjectId: id });
 * });
 */
export async function appendEntry(trx: Db, actor: Actor, input: RecordInput): Promise<RecordedEntry> {
  const at = (input.at ?? new Date()).toISOString();
  // The payload as it reads back from jsonb (normalisePayload), and the text that is sent.
  const payloadJson = JSON.stringify(input.payload ?? {});
  const payload: unknown = JSON.parse(payloadJson);
  // An unknown action or a payload its schema refuses throws here, before the head is
  // locked, and the caller's transaction rolls back: nothing undeclared reaches the record.
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
  const body = bodyHash(fields);
  // One statement while the head is locked: number the entry, link it to the previous one
  // (the same canonical JSON as linkHash()), move the head, add the entry to the Merkle tree
  // as its next leaf (ledger_tree_append, migration 0014) and notify on commit.
  const result = await sql<{ seq: number; hash: string }>`
    with head as (select seq, hash from ledger_head where id = 1 for update),
    entry as (
      insert into ledger_entries (seq, at, actor_id, actor_label, delegation, action, subject_type, subject_id,
        classification, audience, payload, payload_hash, prev_hash, hash)
      select head.seq + 1, ${at}::timestamptz, ${fields.actorId}::uuid, ${fields.actorLabel}, ${fields.delegation},
        ${fields.action}, ${fields.subjectType}, ${fields.subjectId}, ${fields.classification}::smallint,
        ${fields.audience}::text[], ${payloadJson}::jsonb, ${fields.payloadHash}, head.hash,
        encode(sha256(convert_to(
          '{"bodyHash":"' || ${body}::text || '","prevHash":"' || head.hash || '","seq":' || (head.seq + 1)::text || '}',
          'UTF8')), 'hex')
      from head
      returning seq, hash
    ),
    moved as (update ledger_head set seq = entry.seq, hash = entry.hash from entry where ledger_head.id = 1)
    select entry.seq, entry.hash, ledger_tree_append(entry.seq - 1, entry.hash) as leaf,
      pg_notify(${LIVE_CHANNEL}, entry.seq::text)
    from entry`.execute(trx);
  const row = result.rows[0];
  if (!row) throw new Error('ledger_head is missing: run the migrations');
  return { seq: Number(row.seq), hash: row.hash, at };
}
