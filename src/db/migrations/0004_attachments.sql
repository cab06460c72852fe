-- Optional attachments on proposals: small files (at most 5 MiB, checked by the API) kept
-- in the database with their SHA-256, so a backup holds them and the record can name them.
-- Numbered migrations are never edited once landed; add a new file instead.

create table proposal_attachments (
  id uuid primary key default gen_random_uuid(),
  proposal_id uuid not null references proposals (id) on delete cascade,
  filename text not null,
  content_type text not null,
  size_bytes integer not null check (size_bytes > 0),
  sha256 text not null,
  data bytea not null,
  added_by uuid references users (id),
  added_at timestamptz not null default now()
);
create index proposal_attachments_proposal_idx on proposal_attachments (proposal_id, added_at);
