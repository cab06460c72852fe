-- Clearance certificates: one per cleared version of a request. The document is kept as it
-- was issued; its SHA-256 is published in the record, so anyone holding the verification
-- code can check the certificate against the record. An amendment or a withdrawal after
-- clearing supersedes or revokes it (the code still answers, saying so).
-- Numbered migrations are never edited once landed; add a new file instead.

create table clearance_certificates (
  code text primary key check (code ~ '^[A-Z2-9]{4}(-[A-Z2-9]{4}){3}$'),
  request_id uuid not null references clearance_requests (id) on delete cascade,
  version integer not null check (version > 0),
  -- The certificate as issued (see Certificate in src/modules/clearances/certificate.ts).
  document jsonb not null check (jsonb_typeof(document) = 'object'),
  -- SHA-256 of the document's canonical JSON (RFC 8785), as published in the record.
  digest text not null check (digest ~ '^[0-9a-f]{64}$'),
  ledger_seq bigint not null unique references ledger_entries (seq),
  issued_at timestamptz not null,
  unique (request_id, version)
);
create index clearance_certificates_request_idx on clearance_certificates (request_id, issued_at desc);
