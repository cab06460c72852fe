-- Writes no longer queue behind one lock (issue 9). A command's transaction inserts its entry
-- into ledger_pending, with no lock on ledger_head and no NOTIFY; one sequencer per database
-- (src/modules/ledger/sequencer.ts) numbers, chains and adds to the Merkle tree what has
-- committed, in batches, each batch one transaction and one NOTIFY. An entry is known by its
-- record id from the moment it is written, and by its seq once it has its place.
-- Numbered migrations are never edited once landed; add a new file instead.

-- Entries written and committed, waiting for their place in the record: the fields of
-- ledger_entries without seq, prev_hash and hash, plus the body hash the writer computed
-- (bodyHash in ledger/hash.ts). The sequencer moves each row into ledger_entries (record_id =
-- id) and deletes it in the same transaction, so an entry is in exactly one of the two tables.
create table ledger_pending (
  id bigserial primary key,
  at timestamptz not null,
  actor_id uuid,
  actor_label text not null,
  delegation text,
  action text not null,
  subject_type text not null,
  subject_id text not null,
  classification smallint not null default 0 check (classification between 0 and 3),
  audience text[],
  payload jsonb not null,
  payload_hash text not null,
  body_hash text not null check (body_hash ~ '^[0-9a-f]{64}$')
);
-- A pending entry is written once; only the sequencer's move (a delete) takes it out.
create trigger ledger_pending_written_once
  before update on ledger_pending
  for each row execute function accord_refuse_change();

-- The record id of every entry; the entries before this migration are their own record id
-- (their seq), and pending ids start past them so the two never meet.
alter table ledger_entries add column record_id bigint;
alter table ledger_entries disable trigger ledger_entries_append_only;
update ledger_entries set record_id = seq;
alter table ledger_entries enable trigger ledger_entries_append_only;
alter table ledger_entries
  alter column record_id set not null,
  add constraint ledger_entries_record_id_key unique (record_id);
select setval(pg_get_serial_sequence('ledger_pending', 'id'),
  coalesce((select max(seq) from ledger_entries), 1),
  exists (select 1 from ledger_entries));

-- What pointed at an entry's seq now holds its record id: the same number for every entry
-- written so far (record_id = seq above). There is no foreign key, since the entry may still
-- be pending; readers find the seq and hash through ledger_entries.record_id.
alter table decisions drop constraint decisions_ledger_seq_fkey;
alter table decisions rename column ledger_seq to record_id;
alter table decisions rename constraint decisions_ledger_seq_key to decisions_record_id_key;
alter table decisions drop column ledger_hash;

alter table clearance_certificates drop constraint clearance_certificates_ledger_seq_fkey;
alter table clearance_certificates rename column ledger_seq to record_id;
alter table clearance_certificates
  rename constraint clearance_certificates_ledger_seq_key to clearance_certificates_record_id_key;

alter table clearance_requests drop constraint clearance_requests_certificate_seq_fkey;
alter table clearance_requests rename column certificate_seq to certificate_record_id;

