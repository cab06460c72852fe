-- Notifications and time: in-app notifications (a procedure opened, silence broken, a
-- deadline near, an outcome), the kinds each person turned off, the deadline reminders
-- already handled, and the secret calendar feed tokens.
-- Numbered migrations are never edited once landed; add a new file instead.

create table notifications (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references users (id) on delete cascade,
  kind text not null
    check (kind in ('procedure_opened', 'silence_broken', 'deadline_24h', 'deadline_1h', 'outcome')),
  proposal_id uuid not null references proposals (id) on delete cascade,
  procedure_id uuid not null references procedures (id) on delete cascade,
  -- What the person is told besides the proposal: the procedure's kind, the deadline, the
  -- state that broke silence, the result. Facts only; the UI words them in the reader's language.
  details jsonb not null default '{}' check (jsonb_typeof(details) = 'object'),
  -- "kind:subject:instant" (e.g. "deadline_1h:<procedure>:2026-03-29T08:00:00.000Z"): with
  -- the person, unique, so that nothing is sent twice whatever number of processes try
  -- (insert ... on conflict do nothing).
  dedupe_key text not null,
  created_at timestamptz not null default now(),
  read_at timestamptz,
  unique (user_id, dedupe_key)
);
-- A person's list, newest first, and their unread count.
create index notifications_user_idx on notifications (user_id, created_at desc, id desc);
create index notifications_unread_idx on notifications (user_id) where read_at is null;

-- The kinds a person turned off: none of that kind is created for them.
create table notification_preferences (
  user_id uuid not null references users (id) on delete cascade,
  kind text not null
    check (kind in ('procedure_opened', 'silence_broken', 'deadline_24h', 'deadline_1h', 'outcome')),
  primary key (user_id, kind)
);

-- Each deadline reminder of a procedure, once handled (sent, or passed over because a later
-- one was already due). Keyed by the deadline too: a deadline that moves gets its own reminders.
create table procedure_reminders (
  procedure_id uuid not null references procedures (id) on delete cascade,
  kind text not null check (kind in ('deadline_24h', 'deadline_1h')),
  deadline timestamptz not null,
  sent boolean not null,
  handled_at timestamptz not null default now(),
  primary key (procedure_id, kind, deadline)
);

-- A person's secret calendar feed (only its SHA-256 is kept): the link works without a cookie.
create table calendar_feeds (
  user_id uuid primary key references users (id) on delete cascade,
  token_hash text not null unique,
  created_at timestamptz not null default now()
);
