-- Attachments on clearance requests (movement orders, cargo manifests, maps): small files
-- (at most 5 MiB, checked by the API) kept in the database with their SHA-256, like
-- proposal attachments, so a backup holds them and the record can name them.
-- Numbered migrations are never edited once landed; add a new file instead.

create table clearance_attachments (
  id uuid primary key default gen_random_uuid(),
  request_id uuid not null references clearance_requests (id) on delete cascade,
  filename text not null,
  content_type text not null,
  size_bytes integer not null check (size_bytes > 0),
  sha256 text not null,
  data bytea not null,
  added_by uuid references users (id),
  added_by_label text not null,
  added_at timestamptz not null default now()
);
create index clearance_attachments_request_idx on clearance_attachments (request_id, added_at);
