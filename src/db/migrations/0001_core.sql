-- Accord platform core: directory, people, sessions, tokens and the record.
-- Numbered migrations are never edited once landed; add a new file instead.

create table organisation (
  id smallint primary key default 1 check (id = 1),
  short_name_en text not null,
  short_name_ru text not null,
  name_en text not null,
  name_ru text not null,
  working_languages text[] not null,
  time_zone text not null,
  updated_at timestamptz not null default now()
);

create table member_states (
  code char(2) primary key check (code ~ '^[A-Z]{2}$'),
  name_en text not null,
  name_ru text not null,
  time_zone text not null,
  position integer not null default 0
);

create table partners (
  code text primary key check (code ~ '^[A-Z][A-Z0-9_-]{1,15}$'),
  name_en text not null,
  name_ru text not null,
  short_name_en text not null,
  short_name_ru text not null,
  position integer not null default 0
);

create table bodies (
  code text primary key check (code ~ '^[a-z][a-z0-9-]{1,63}$'),
  name_en text not null,
  name_ru text not null,
  kind text not null check (kind in ('council', 'permanent', 'secretariat', 'committee', 'other')),
  position integer not null default 0
);

create table body_members (
  body_code text not null references bodies (code) on delete cascade,
  state_code char(2) not null references member_states (code) on delete cascade,
  primary key (body_code, state_code)
);

create table presidencies (
  id serial primary key,
  state_code char(2) not null references member_states (code),
  starts_on date not null,
  ends_on date not null check (ends_on >= starts_on),
  slogan_en text not null,
  slogan_ru text not null
);

create table priorities (
  id serial primary key,
  presidency_id integer not null references presidencies (id) on delete cascade,
  code text not null,
  position integer not null,
  title_en text not null,
  title_ru text not null,
  unique (presidency_id, code)
);

create table priority_items (
  id serial primary key,
  priority_id integer not null references priorities (id) on delete cascade,
  position integer not null,
  text_en text not null,
  text_ru text not null
);

create table users (
  id uuid primary key default gen_random_uuid(),
  username text not null unique check (username ~ '^[a-z0-9][a-z0-9._-]{1,63}$'),
  display_name text not null,
  email text,
  password_hash text not null,
  affiliation text not null check (affiliation in ('delegation', 'secretariat', 'partner')),
  state_code char(2) references member_states (code),
  partner_code text references partners (code),
  role text not null check (role in ('secretariat_admin', 'head_of_delegation', 'delegate', 'point_of_contact', 'observer')),
  clearance smallint not null default 0 check (clearance between 0 and 3),
  locale text not null default 'en' check (locale in ('en', 'ru')),
  is_demo boolean not null default false,
  disabled_at timestamptz,
  failed_signins integer not null default 0,
  sign_in_not_before timestamptz,
  locked_until timestamptz,
  password_changed_at timestamptz not null default now(),
  created_at timestamptz not null default now(),
  check ((affiliation = 'delegation') = (state_code is not null)),
  check ((affiliation = 'partner') = (partner_code is not null)),
  check (affiliation <> 'partner' or role = 'observer'),
  check (role <> 'secretariat_admin' or affiliation = 'secretariat')
);

create table sessions (
  id text primary key,
  user_id uuid not null references users (id) on delete cascade,
  csrf_token text not null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  last_seen_at timestamptz not null default now()
);
create index sessions_user_idx on sessions (user_id);

create table api_tokens (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references users (id) on delete cascade,
  name text not null,
  token_hash text not null unique,
  prefix text not null,
  created_at timestamptz not null default now(),
  last_used_at timestamptz,
  expires_at timestamptz,
  revoked_at timestamptz
);
create index api_tokens_user_idx on api_tokens (user_id);

-- The record. Entries are chained: hash = SHA-256 over the canonical JSON (RFC 8785) of
-- the entry's fields, the payload's hash and the previous entry's hash.
create table ledger_entries (
  seq bigint primary key check (seq > 0),
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
  prev_hash text not null,
  hash text not null unique
);
create index ledger_entries_subject_idx on ledger_entries (subject_type, subject_id);

create table ledger_head (
  id smallint primary key default 1 check (id = 1),
  seq bigint not null,
  hash text not null
);
insert into ledger_head (id, seq, hash) values (1, 0, repeat('0', 64));

create table signing_keys (
  id text primary key,
  public_key_pem text not null,
  private_key_pem text not null,
  created_at timestamptz not null default now()
);

create table ledger_checkpoints (
  seq bigint primary key,
  hash text not null,
  signed_at timestamptz not null,
  key_id text not null references signing_keys (id),
  signature text not null
);

-- Append-only in the database itself: no UPDATE, DELETE or TRUNCATE on the record.
create function accord_refuse_change() returns trigger language plpgsql as $$
begin
  raise exception 'the record is append-only: % on % refused', tg_op, tg_table_name
    using errcode = 'insufficient_privilege';
end;
$$;

create trigger ledger_entries_append_only
  before update or delete on ledger_entries
  for each row execute function accord_refuse_change();
create trigger ledger_entries_no_truncate
  before truncate on ledger_entries
  for each statement execute function accord_refuse_change();
create trigger ledger_checkpoints_append_only
  before update or delete on ledger_checkpoints
  for each row execute function accord_refuse_change();
create trigger ledger_checkpoints_no_truncate
  before truncate on ledger_checkpoints
  for each statement execute function accord_refuse_change();
