-- What `accord ledger verify` hashes, readable without rebuilding it (issue: verify at the hash
-- function's own rate). An entry's payload is hashed as its RFC 8785 canonical JSON text;
-- jsonb keeps the value but not that text, so the verifier had to parse every payload and
-- write its canonical form again. The text is now kept beside the value: written by the writer
-- (the same text it hashed), moved by the sequencer, and checked by the verifier against the
-- payload column readers see (src/modules/ledger/record-bytes.ts).
-- The rest of the hashed body is built by the database from the columns readers see, at
-- verification, so that there is no second copy of the fields that could disagree with them.
-- Numbered migrations are never edited once landed; add a new file instead.

alter table ledger_entries add column payload_json text;
-- A pending row written from now on carries its payload once, as that text; the sequencer
-- gives the entry its jsonb value from it.
alter table ledger_pending add column payload_json text;
alter table ledger_pending alter column payload drop not null;
alter table ledger_pending add constraint ledger_pending_payload_given
  check (payload is not null or payload_json is not null);

-- Entries written before this migration get their text at the first start after it, in
-- batches, from the server (canonical JSON is written in TypeScript, `fillPayloadTexts` in
-- src/modules/ledger/payload-texts.ts); until then the verifier canonicalises their payload as
-- before. The index holds only the entries still to fill, so it is empty once they are done.
create index ledger_entries_payload_unfilled_idx on ledger_entries (seq) where payload_json is null;

-- No query looks an entry up by its hash (proofs, certificates and decisions go by seq or record
-- id; pg_stat_statements on the dev database shows none), and hashes over an input holding the
-- seq do not repeat: the unique index on hash was one of the six indexes every entry the
-- sequencer moves must enter, for nothing. The verifier checks every hash.
alter table ledger_entries drop constraint ledger_entries_hash_key;
