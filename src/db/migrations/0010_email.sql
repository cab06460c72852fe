-- Notifications by e-mail. Each person chooses, per kind, in the app, by e-mail, both or
-- neither; an e-mail is queued in the transaction that writes its notification (an outbox)
-- and sent after commit by the e-mail runner, retried with back-off, every attempt logged.
-- A person's e-mail address is unique (whatever its letter case).
-- Numbered migrations are never edited once landed; add a new file instead.

-- A row is a person's choice for one kind; no row keeps the default (in the app, no e-mail).
-- The rows written before this migration meant "turned off": both channels off.
alter table notification_preferences
  add column in_app boolean not null default false,
  add column email boolean not null default false;

-- A notification written only because its person wants it by e-mail is not listed in the app.
alter table notifications add column in_app boolean not null default true;

create table notification_emails (
  id uuid primary key default gen_random_uuid(),
  -- One e-mail per notification, and a notification is one person's: exactly once per
  -- (person, notification), however many processes send.
  notification_id uuid not null unique references notifications (id) on delete cascade,
  status text not null default 'pending' check (status in ('pending', 'sent', 'failed', 'cancelled')),
  attempts integer not null default 0 check (attempts >= 0),
  -- When the next attempt is due; while an attempt is under way, the end of its lease.
  next_attempt_at timestamptz,
  -- The address it went to (read when sent: a changed address gets the mails still queued).
  sent_to text,
  last_error text,
  sent_at timestamptz,
  created_at timestamptz not null default now(),
  check ((status = 'pending') = (next_attempt_at is not null))
);
create index notification_emails_due_idx on notification_emails (next_attempt_at) where status = 'pending';

-- Every attempt: when, the SMTP server's answer or the error, how long it took.
create table notification_email_attempts (
  id bigint generated always as identity primary key,
  email_id uuid not null references notification_emails (id) on delete cascade,
  at timestamptz not null,
  response text,
  error text,
  duration_ms integer not null check (duration_ms >= 0)
);
create index notification_email_attempts_email_idx on notification_email_attempts (email_id, at, id);

create unique index users_email_key on users (lower(email)) where email is not null;
