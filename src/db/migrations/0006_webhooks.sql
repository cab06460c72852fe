-- Webhooks: a delegation's national systems told of clearance events. Each event for the
-- delegation becomes a delivery queued in the transaction of the change (an outbox), sent
-- after commit by the webhook runner, retried with back-off, and every attempt logged.
-- Numbered migrations are never edited once landed; add a new file instead.

create table webhooks (
  id uuid primary key default gen_random_uuid(),
  state_code char(2) not null references member_states (code),
  url text not null,
  -- Kept as given (not hashed): signing each delivery with HMAC-SHA256 needs the secret
  -- itself. It is shown once, at creation or rotation, and never returned again.
  secret text not null,
  -- The event kinds the receiver wants (see WEBHOOK_EVENTS in src/modules/webhooks/schema.ts).
  events text[] not null check (cardinality(events) > 0),
  active boolean not null default true,
  description text,
  created_by uuid references users (id),
  created_by_label text not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index webhooks_state_idx on webhooks (state_code, created_at);

create table webhook_deliveries (
  id uuid primary key default gen_random_uuid(),
  webhook_id uuid not null references webhooks (id) on delete cascade,
  event text not null,
  -- The event's facts: the `data` of the body sent.
  data jsonb not null check (jsonb_typeof(data) = 'object'),
  occurred_at timestamptz not null,
  status text not null default 'pending' check (status in ('pending', 'delivered', 'failed')),
  -- Attempts made in the current round (a redelivery starts a new round).
  attempts integer not null default 0 check (attempts >= 0),
  -- When the next attempt is due; while an attempt is under way, the end of its lease.
  next_attempt_at timestamptz,
  last_status_code integer,
  last_error text,
  delivered_at timestamptz,
  created_at timestamptz not null default now(),
  check ((status = 'pending') = (next_attempt_at is not null))
);
-- The runner's question: which pending delivery is due next.
create index webhook_deliveries_due_idx on webhook_deliveries (next_attempt_at) where status = 'pending';
create index webhook_deliveries_webhook_idx on webhook_deliveries (webhook_id, created_at desc, id desc);

-- Every attempt at a delivery: when, the answer's status code or the error, how long it took.
create table webhook_attempts (
  id bigint generated always as identity primary key,
  delivery_id uuid not null references webhook_deliveries (id) on delete cascade,
  at timestamptz not null,
  status_code integer,
  error text,
  duration_ms integer not null check (duration_ms >= 0)
);
create index webhook_attempts_delivery_idx on webhook_attempts (delivery_id, at, id);
