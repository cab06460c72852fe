-- Early warning (issue 10): the values of the indicators the organisation file declares
-- (migration 0020), each region's level worked out from them with every change of level
-- kept, and the alerts of the situation room (automatic when a level rises, or raised by a
-- monitor) with each step taken on them. Written by the `alerts` module (src/modules/alerts).
-- Numbered migrations are never edited once landed; add a new file instead.

-- One value per indicator and instant (the period it is for): entering the same period again
-- replaces the value, the change in the record.
create table indicator_values (
  indicator_code text not null references indicators (code) on delete cascade,
  at timestamptz not null,
  -- PostgreSQL holds NaN equal to itself: `<>` refuses it as it refuses the infinities.
  value double precision not null
    check (value <> 'NaN'::double precision and value <> 'Infinity'::double precision
      and value <> '-Infinity'::double precision),
  source text not null check (source in ('entered', 'imported', 'computed')),
  entered_by uuid references users (id) on delete set null,
  created_at timestamptz not null default now(),
  primary key (indicator_code, at)
);

-- Each region's level now, and the readings that made it.
create table region_levels (
  region_code text primary key references monitoring_regions (code) on delete cascade,
  level smallint not null check (level between 1 and 9),
  since timestamptz not null,
  figures jsonb not null check (jsonb_typeof(figures) = 'object')
);

-- Every change of a region's level (history: kept when the region leaves the file).
create table level_changes (
  id uuid primary key default gen_random_uuid(),
  region_code text not null,
  from_level smallint not null check (from_level between 1 and 9),
  to_level smallint not null check (to_level between 1 and 9),
  at timestamptz not null,
  figures jsonb not null check (jsonb_typeof(figures) = 'object'),
  -- The automatic alert the rise opened, if any.
  alert_id uuid,
  check (from_level <> to_level)
);
create index level_changes_region_at on level_changes (region_code, at desc);

create table alert_numbers (
  year integer primary key,
  last_number integer not null check (last_number > 0)
);

create table alerts (
  id uuid primary key default gen_random_uuid(),
  reference text not null unique check (reference ~ '^AL-[0-9]{4}-[0-9]{4,}$'),
  region_code text not null,
  -- The region's member states when it was opened: who reads it (with the classification).
  states text[] not null check (cardinality(states) >= 1),
  level smallint not null check (level between 1 and 9),
  origin text not null check (origin in ('automatic', 'raised')),
  status text not null default 'open' check (status in ('open', 'acknowledged', 'escalated', 'closed')),
  title text not null check (length(title) between 1 and 200),
  description text not null default '' check (length(description) <= 10000),
  classification smallint not null check (classification between 0 and 3),
  raised_by uuid references users (id) on delete set null,
  raised_by_label text not null,
  raised_at timestamptz not null,
  -- The first step anyone took on it (acknowledged, escalated or closed): the response time.
  first_response_at timestamptz,
  acknowledged_at timestamptz,
  acknowledged_by uuid references users (id) on delete set null,
  escalated_at timestamptz,
  escalated_by uuid references users (id) on delete set null,
  escalation_note text check (length(escalation_note) <= 2000),
  closed_at timestamptz,
  closed_by uuid references users (id) on delete set null,
  close_reason text check (length(close_reason) between 1 and 2000),
  updated_at timestamptz not null,
  check ((status = 'closed') = (closed_at is not null)),
  check (closed_at is null or close_reason is not null),
  check (status <> 'escalated' or escalated_at is not null),
  check (first_response_at is null or first_response_at >= raised_at)
);
create index alerts_status_raised on alerts (status, raised_at desc);
create index alerts_region_status on alerts (region_code, status);

-- Each step of an alert, oldest first.
create table alert_events (
  id bigint generated always as identity primary key,
  alert_id uuid not null references alerts (id) on delete cascade,
  kind text not null check (kind in ('opened', 'acknowledged', 'escalated', 'closed')),
  from_status text check (from_status in ('open', 'acknowledged', 'escalated')),
  to_status text not null check (to_status in ('open', 'acknowledged', 'escalated', 'closed')),
  at timestamptz not null,
  actor_id uuid references users (id) on delete set null,
  actor_label text not null,
  note text check (length(note) <= 2000)
);
create index alert_events_alert on alert_events (alert_id, id);
