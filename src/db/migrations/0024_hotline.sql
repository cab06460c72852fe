-- The hotline (issue 10, confidence-building): a direct line between two member states'
-- designated duty contacts for border incidents. A message waits for the other side's
-- acknowledgement (with its time); one not acknowledged within the hotline's window is
-- escalated, once, dated at the instant the window closed. Hotlines are declared in the
-- organisation file (`hotlines:`), loaded by `accord load`; each side's head of delegation
-- designates its contacts. Numbered migrations are never edited once landed; add a new file.

create table hotlines (
  id uuid primary key default gen_random_uuid(),
  code text not null unique check (code ~ '^[A-Z0-9][A-Z0-9-]{1,31}$'),
  -- The two states, in alphabetical order (one row per line, whichever side speaks).
  state_a char(2) not null check (state_a ~ '^[A-Z]{2}$'),
  state_b char(2) not null check (state_b ~ '^[A-Z]{2}$'),
  acknowledge_within_minutes integer not null check (acknowledge_within_minutes between 1 and 1440),
  -- Whom an unacknowledged message goes to: the secretariat, the two heads of delegation, or both.
  escalate_to text[] not null
    check (cardinality(escalate_to) between 1 and 2
      and escalate_to <@ array['secretariat', 'heads_of_delegation']::text[]),
  -- A hotline the file no longer lists is kept (its messages are part of the record) but closed.
  active boolean not null default true,
  position integer not null,
  check (state_a < state_b)
);

-- The designated duty contacts of each side (their state's people, named by its head).
create table hotline_contacts (
  hotline_id uuid not null references hotlines (id),
  state_code char(2) not null,
  user_id uuid not null references users (id),
  designated_by_label text not null,
  designated_at timestamptz not null default now(),
  primary key (hotline_id, user_id)
);
create index hotline_contacts_user_idx on hotline_contacts (user_id);

create table hotline_messages (
  id uuid primary key default gen_random_uuid(),
  hotline_id uuid not null references hotlines (id),
  -- A reply names the message it answers (on the same hotline).
  reply_to uuid references hotline_messages (id),
  from_state char(2) not null,
  from_user_id uuid not null references users (id),
  from_label text not null,
  body text not null check (length(body) between 1 and 4000),
  urgency text not null check (urgency in ('routine', 'urgent')),
  -- At least restricted: a hotline is never public.
  classification smallint not null check (classification between 1 and 3),
  -- What the message is about, optionally: a field report, a region of the organisation file.
  report_id uuid references reports (id),
  region_code text references monitoring_regions (code) on delete set null,
  sent_at timestamptz not null,
  -- sent_at + the hotline's window: escalated if not acknowledged by then.
  due_at timestamptz not null,
  acknowledged_at timestamptz,
  acknowledged_by uuid references users (id),
  acknowledged_by_label text,
  -- The instant the window closed unacknowledged (set once, by the escalation runner).
  escalated_at timestamptz,
  check (due_at > sent_at),
  check ((acknowledged_at is null) = (acknowledged_by is null)),
  check ((acknowledged_at is null) = (acknowledged_by_label is null))
);
create index hotline_messages_hotline_idx on hotline_messages (hotline_id, sent_at desc, id desc);
-- What the escalation runner looks for: unacknowledged, not yet escalated, by due time.
create index hotline_messages_due_idx on hotline_messages (due_at)
  where acknowledged_at is null and escalated_at is null;
