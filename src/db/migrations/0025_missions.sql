-- Observation missions (the monitoring module): a mandate (the decision that created it), a
-- head of mission and members, an area (monitoring regions and/or an outline), a period. Its
-- members' reports carry the mission; a daily report is compiled from the day's reports
-- (counts by category, notable events) and approved by the head of mission.
-- Numbered migrations are never edited once landed; add a new file instead.

create table observation_missions (
  id uuid primary key default gen_random_uuid(),
  reference text not null unique,
  name text not null check (length(name) between 1 and 200),
  mandate text not null default '' check (length(mandate) <= 10000),
  -- The decision of the decisions module that created it, when there is one.
  mandate_decision_id uuid,
  head_id uuid not null references users (id),
  regions text[] not null default '{}',
  -- An outline of the area: a JSON array of [longitude, latitude] pairs, or null.
  area jsonb check (area is null or jsonb_typeof(area) = 'array'),
  starts_on date not null,
  ends_on date not null,
  classification smallint not null default 1 check (classification between 0 and 3),
  created_by_label text not null,
  created_at timestamptz not null default now(),
  check (ends_on >= starts_on),
  check (cardinality(regions) > 0 or area is not null)
);

create table observation_mission_members (
  mission_id uuid not null references observation_missions (id) on delete cascade,
  user_id uuid not null references users (id),
  added_at timestamptz not null default now(),
  primary key (mission_id, user_id)
);
create index observation_mission_members_user on observation_mission_members (user_id);

alter table reports add column mission_id uuid references observation_missions (id);
create index reports_mission on reports (mission_id, occurred_at) where mission_id is not null;
alter table reports add constraint reports_mission_member_check
  check ((mission_id is null) = (reporter_role <> 'mission_member'));

create table mission_daily_reports (
  mission_id uuid not null references observation_missions (id) on delete cascade,
  day date not null,
  -- What the day's reports say: { reports, byCategory: {code: n}, fatalities, notable: [...] }.
  compiled jsonb not null,
  summary text not null default '' check (length(summary) <= 20000),
  status text not null default 'draft' check (status in ('draft', 'approved')),
  compiled_at timestamptz not null,
  approved_at timestamptz,
  approved_by_label text,
  primary key (mission_id, day),
  check ((status = 'approved') = (approved_at is not null))
);
