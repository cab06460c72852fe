-- One table of files for every module's subjects (proposals, clearance requests, and the
-- modules after them): keyed by subject type and id, kept in the database with their
-- SHA-256 so a backup holds them and the record can name them. The rows of the two earlier
-- tables move here with their ids, so the record's entries still name them.
-- Numbered migrations are never edited once landed; add a new file instead.

create table attachments (
  id uuid primary key default gen_random_uuid(),
  subject_type text not null check (subject_type ~ '^[a-z][a-z_]{0,39}$'),
  subject_id uuid not null,
  filename text not null,
  content_type text not null,
  size_bytes integer not null check (size_bytes > 0),
  sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  data bytea not null,
  added_by uuid references users (id),
  added_by_label text not null,
  added_at timestamptz not null default now()
);
create index attachments_subject_idx on attachments (subject_type, subject_id, added_at);

insert into attachments (id, subject_type, subject_id, filename, content_type, size_bytes, sha256, data,
  added_by, added_by_label, added_at)
select a.id, 'proposal', a.proposal_id, a.filename, a.content_type, a.size_bytes, a.sha256, a.data,
  a.added_by, coalesce(u.display_name, 'Accord'), a.added_at
from proposal_attachments a left join users u on u.id = a.added_by;

insert into attachments (id, subject_type, subject_id, filename, content_type, size_bytes, sha256, data,
  added_by, added_by_label, added_at)
select id, 'clearance_request', request_id, filename, content_type, size_bytes, sha256, data,
  added_by, added_by_label, added_at
from clearance_attachments;

drop table proposal_attachments;
drop table clearance_attachments;
