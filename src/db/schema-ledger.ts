import type { ColumnType, Generated, Selectable } from 'kysely';
import type { CreatedAt, NullableTimestamp, Timestamp } from './schema.ts';

/** Kysely's view of the record's tables (the ledger module: entries, pending, wake-ups, keys, checkpoints, witnesses). Keep in step with the SQL. */

export interface LedgerEntriesTable {
  seq: number;
  at: Timestamp;
  actor_id: string | null;
  actor_label: string;
  delegation: string | null;
  action: string;
  subject_type: string;
  subject_id: string;
  classification: number;
  audience: string[] | null;
  payload: ColumnType<unknown, string, never>;
  payload_hash: string;
  prev_hash: string;
  hash: string;
  /** The id the entry had while pending (ledger_pending.id); an entry before migration 0016: its seq. */
  record_id: number;
  /** The payload's canonical JSON text, the bytes its hash covers (migration 0019; null until filled). */
  payload_json: string | null;
}
export type LedgerEntryRow = Selectable<LedgerEntriesTable>;

/**
 * An entry written and committed, waiting for the sequencer to give it its place (seq, the
 * previous hash, its hash) and move it into ledger_entries with record_id = id.
 */
export interface LedgerPendingTable {
  id: Generated<number>;
  at: Timestamp;
  actor_id: string | null;
  actor_label: string;
  delegation: string | null;
  action: string;
  subject_type: string;
  subject_id: string;
  classification: ColumnType<number, number | undefined, number>;
  audience: string[] | null;
  /** The payload as jsonb: rows written before migration 0019 (later ones carry payload_json only). */
  payload: ColumnType<unknown | null, string | null | undefined, never>;
  payload_hash: string;
  /** bodyHash() of the fields, computed by the writer (ledger/hash.ts). */
  body_hash: string;
  /** The payload's canonical JSON text, as hashed (null for a row written before migration 0019). */
  payload_json: string | null;
}

/** A NOTIFY a command asked for, sent by the record's sequencer (src/db/wake-up.ts). */
export interface WakeUpsTable {
  id: Generated<number>;
  channel: string;
  payload: ColumnType<string, string | undefined, never>;
}

/** The public keys the log has signed with; the private key lives in a key file, never here. */
export interface SigningKeysTable {
  id: string;
  public_key_pem: string;
  created_at: CreatedAt;
  name: string | null;
  verifier_key: string | null;
  retired_at: NullableTimestamp;
}

/** A signed tree head: the note the log signed over (origin, size, root). */
export interface LedgerCheckpointsTable {
  size: number;
  root: Uint8Array;
  note: string;
  key_id: string;
  signed_at: CreatedAt;
}

export interface LedgerWitnessesTable {
  name: string;
  state_code: string | null;
  verifier_key: string;
  active: Generated<boolean>;
}

export interface LedgerCosignaturesTable {
  size: number;
  witness: string;
  line: string;
  cosigned_at: Timestamp;
  received_at: CreatedAt;
}
