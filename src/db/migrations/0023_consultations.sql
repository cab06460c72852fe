-- Consultations (the consultations module): the presidency or the secretariat convenes two
-- or more member states (the sides of a border dispute, say) in a confidential space with a
-- facilitator: an agenda, messages, documents (the attachments table) and agreed points,
-- read by the participants alone: the delegations of the states taking part, the convener,
-- the facilitator and the secretariat staff named to it; not other member states, not
-- observers or partners, not other secretariat staff. The record's entries about one carry
-- the audience token 'sealed' (migration-free: ledger_entries.audience is text[]), which
-- withdraws the secretariat's general right to read them (src/modules/ledger/policy.ts).
-- Numbered migrations are never edited once landed; add a new file instead.

create table consultation_numbers (
  year integer primary key,
  last_number integer not null
);

create table consultations (
  id uuid primary key default gen_random_uuid(),
  reference text not null unique,
  title text not null check (length(title) between 1 and 300),
  purpose text not null default '' check (length(purpose) <= 20000),
  status text not null default 'open' check (status in ('open', 'concluded', 'closed')),
  classification smallint not null check (classification between 0 and 3),
  convened_by uuid not null references users (id),
  -- The chair of the talks: a secretariat person or the presidency's head of delegation.
  facilitator uuid not null references users (id),
  -- What the consultation answers, by code: a monitoring alert or region (no foreign key
  -- into another module's tables).
  alert_ref text check (length(alert_ref) between 1 and 100),
  region_code text check (length(region_code) between 1 and 64),
  outcome text check (length(outcome) <= 20000),
  close_reason text check (length(close_reason) <= 2000),
  -- The proposal of the decisions module made from the outcome (its id; no foreign key, so
  -- the modules stay apart).
  proposal_id uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  concluded_at timestamptz,
  check ((status = 'open') = (concluded_at is null)),
  check (status <> 'concluded' or outcome is not null),
  check (proposal_id is null or status = 'concluded')
);
create index consultations_facilitator_idx on consultations (facilitator);
create index consultations_convened_by_idx on consultations (convened_by);

-- The member states taking part (two or more; the command checks the count).
create table consultation_participants (
  consultation_id uuid not null references consultations (id),
  state_code char(2) not null references member_states (code),
  primary key (consultation_id, state_code)
);
create index consultation_participants_state_idx on consultation_participants (state_code, consultation_id);

-- Secretariat staff named to a consultation besides its convener and facilitator.
create table consultation_staff (
  consultation_id uuid not null references consultations (id),
  user_id uuid not null references users (id),
  primary key (consultation_id, user_id)
);
create index consultation_staff_user_idx on consultation_staff (user_id, consultation_id);

create table consultation_agenda_items (
  id uuid primary key default gen_random_uuid(),
  consultation_id uuid not null references consultations (id),
  position integer not null check (position >= 1),
  text text not null check (length(text) between 1 and 2000),
  status text not null default 'open' check (status in ('open', 'done')),
  added_by_label text not null,
  created_at timestamptz not null default now(),
  done_at timestamptz,
  check ((status = 'done') = (done_at is not null)),
  unique (consultation_id, position)
);

-- Messages are never edited: a correction is a new message.
create table consultation_messages (
  id uuid primary key default gen_random_uuid(),
  consultation_id uuid not null references consultations (id),
  author_id uuid not null references users (id),
  author_label text not null,
  -- The state the author spoke for; null for the secretariat.
  author_state char(2),
  body text not null check (length(body) between 1 and 20000),
  created_at timestamptz not null default now()
);
create index consultation_messages_page_idx on consultation_messages (consultation_id, created_at desc, id desc);

-- A point is agreed when every participant state has agreed to it (agreed_by holds them).
create table consultation_points (
  id uuid primary key default gen_random_uuid(),
  consultation_id uuid not null references consultations (id),
  position integer not null check (position >= 1),
  text text not null check (length(text) between 1 and 5000),
  proposed_by_label text not null,
  proposed_by_state char(2),
  agreed_by text[] not null default '{}',
  created_at timestamptz not null default now(),
  agreed_at timestamptz,
  unique (consultation_id, position)
);

-- Messages, agenda items and points are part of the record of the talks: never deleted.
create function consultation_rows_keep() returns trigger language plpgsql as $$
begin
  raise exception 'consultation rows are kept: % is not allowed on %', tg_op, tg_table_name;
end $$;
create trigger consultation_messages_keep before update or delete on consultation_messages
  for each row execute function consultation_rows_keep();
