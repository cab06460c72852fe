-- Rapid authorisation: movement clearance requests with one leg per state crossed or
-- hosting, decided by every state concerned in parallel; per-state response windows with
-- what silence means; standing permissions; reusable asset lists; deployment requests
-- decided by the council through the decisions module.
-- Numbered migrations are never edited once landed; add a new file instead.

-- Where a movement may enter or leave a state: a border crossing shared by two member
-- states, or a point inside one state (an airport, a railway station, a base). Loaded from
-- the organisation file.
create table crossing_points (
  code text primary key,
  name_en text not null,
  name_ru text not null,
  kind text not null check (kind in ('road', 'rail', 'air', 'sea')),
  -- The member states it connects (two for a border crossing, one for an inner point).
  states text[] not null check (cardinality(states) between 1 and 2),
  latitude double precision not null check (latitude between -90 and 90),
  longitude double precision not null check (longitude between -180 and 180),
  position integer not null default 0
);

-- Per state and urgency: how long the state has to decide a leg, and what silence at the
-- end of that window means. Loaded from the organisation file.
create table clearance_windows (
  state_code char(2) not null references member_states (code) on delete cascade,
  urgency text not null check (urgency in ('emergency', 'urgent', 'routine')),
  hours numeric(6, 2) not null check (hours > 0 and hours <= 2160),
  on_silence text not null check (on_silence in ('consent', 'refusal', 'escalation')),
  primary key (state_code, urgency)
);

-- How a deployment request of a host state is decided: the body of the organisation file
-- and the procedure (with its length in hours) that a deployment request opens there.
-- One row, loaded from the organisation file; absent when the file says nothing.
create table clearance_settings (
  id smallint primary key default 1 check (id = 1),
  deployment_body text not null,
  deployment_procedure text not null,
  deployment_hours numeric(6, 2) not null check (deployment_hours > 0)
);

-- Vehicle and asset lists kept per delegation and reused in requests.
create table asset_lists (
  id uuid primary key default gen_random_uuid(),
  state_code char(2) not null references member_states (code),
  name text not null,
  -- [{ kind, type, count, registrations: [], callSigns: [] }]
  assets jsonb not null check (jsonb_typeof(assets) = 'array'),
  updated_by_label text not null,
  updated_at timestamptz not null default now(),
  unique (state_code, name)
);

-- The last reference number given per requesting state and year ("BY-2026-0007").
create table clearance_numbers (
  scope text not null,
  year integer not null,
  last_number integer not null check (last_number > 0),
  primary key (scope, year)
);

-- A standing permission: a state lets a delegation move without a decision when the
-- movement matches the pattern; a matching leg is cleared at once and says which one.
create table standing_permissions (
  id uuid primary key default gen_random_uuid(),
  number text not null unique,
  granting_state char(2) not null references member_states (code),
  grantee_state char(2) not null references member_states (code),
  -- { frameworks: [], crossingPoints: [], assetKinds: [], maxPersonnel } (see schema.ts);
  -- never armament nor dangerous goods.
  pattern jsonb not null check (jsonb_typeof(pattern) = 'object'),
  valid_from timestamptz not null,
  valid_to timestamptz not null,
  note text,
  granted_by uuid references users (id),
  granted_by_label text not null,
  granted_at timestamptz not null default now(),
  revoked_at timestamptz,
  revoked_by_label text,
  check (valid_to > valid_from),
  check (granting_state <> grantee_state)
);
create index standing_permissions_lookup_idx on standing_permissions (granting_state, grantee_state);

-- A request by a host state for the deployment of collective forces: the council decides it
-- through a procedure of the decisions module; once adopted its movements become requests.
create table deployments (
  id uuid primary key default gen_random_uuid(),
  reference text not null unique,
  host_state char(2) not null references member_states (code),
  title text not null,
  purpose text not null,
  classification smallint not null default 0 check (classification between 0 and 3),
  -- The movements to create once adopted: [{ requestingState, framework, urgency, legs, ... }].
  movements jsonb not null default '[]' check (jsonb_typeof(movements) = 'array'),
  proposal_id uuid not null references proposals (id),
  procedure_id uuid references procedures (id),
  status text not null default 'requested' check (status in ('requested', 'adopted', 'not_adopted')),
  requested_by uuid references users (id),
  requested_by_label text not null,
  requested_at timestamptz not null default now(),
  decided_at timestamptz
);

create table clearance_requests (
  id uuid primary key default gen_random_uuid(),
  reference text not null unique,
  requesting_state char(2) not null references member_states (code),
  kind text not null default 'request' check (kind in ('request', 'notification')),
  status text not null default 'draft'
    check (status in ('draft', 'pending', 'awaiting_acceptance', 'cleared', 'denied', 'withdrawn')),
  -- The version in force (the last submitted one, or the draft being written).
  version integer not null default 1 check (version > 0),
  title text not null,
  framework text not null
    check (framework in ('collective_forces', 'peacekeeping', 'exercise', 'training', 'humanitarian')),
  urgency text not null check (urgency in ('emergency', 'urgent', 'routine')),
  classification smallint not null default 0 check (classification between 0 and 3),
  deployment_id uuid references deployments (id),
  created_by uuid references users (id),
  created_by_label text not null,
  created_at timestamptz not null default now(),
  submitted_at timestamptz,
  cleared_at timestamptz,
  closed_at timestamptz,
  -- The certificate's verification code, given once the request is cleared, and the record
  -- entry that published the certificate's digest.
  verification_code text unique,
  certificate_seq bigint references ledger_entries (seq),
  updated_at timestamptz not null default now()
);
create index clearance_requests_state_idx on clearance_requests (requesting_state, updated_at desc);
create index clearance_requests_status_idx on clearance_requests (status, updated_at desc);

-- Every version of a request's content, kept: purpose, point of contact, legs, assets,
-- personnel, sensitive items, attachments (see ClearanceContent in schema.ts).
create table clearance_request_versions (
  request_id uuid not null references clearance_requests (id) on delete cascade,
  version integer not null check (version > 0),
  content jsonb not null check (jsonb_typeof(content) = 'object'),
  created_by_label text not null,
  created_at timestamptz not null default now(),
  submitted_at timestamptz,
  primary key (request_id, version)
);

-- One leg per state crossed or hosting, in itinerary order; its decision state.
create table clearance_legs (
  id uuid primary key default gen_random_uuid(),
  request_id uuid not null references clearance_requests (id) on delete cascade,
  position integer not null check (position >= 0),
  state_code char(2) not null references member_states (code),
  -- The request version whose content this leg's current decision is about.
  version integer not null check (version > 0),
  status text not null default 'draft'
    check (status in ('draft', 'pending', 'info_requested', 'escalated', 'approved', 'denied', 'withdrawn')),
  -- When the state's window opened (submission, or re-opening after an amendment).
  opened_at timestamptz,
  -- When silence takes effect; null while the clock is paused or once decided.
  due_at timestamptz,
  -- The state's window as it was when the leg opened (fixed then, like a procedure's rule),
  -- and what its silence means: an answer after a pause moves due_at by the pause.
  window_seconds integer check (window_seconds > 0),
  on_silence text check (on_silence in ('consent', 'refusal', 'escalation')),
  -- Time spent paused for information requests so far (excluded from the time to decide).
  paused_seconds numeric(12, 3) not null default 0,
  paused_at timestamptz,
  decided_at timestamptz,
  decided_by_label text,
  clearance_number text,
  -- With conditions: [{ kind: time_window|route|crossing_point|escort|restriction|other, text, ... }].
  conditions jsonb check (conditions is null or jsonb_typeof(conditions) = 'array'),
  conditions_accepted_at timestamptz,
  conditions_accepted_by_label text,
  reason text,
  -- How it was decided: by the state, tacitly at the window's end, by a standing permission,
  -- or by the secretariat after an escalation.
  decided_how text check (decided_how in ('state', 'tacit', 'standing_permission', 'secretariat')),
  standing_permission_id uuid references standing_permissions (id),
  -- The deciding state's own note, never shown outside that state's delegation.
  internal_note text,
  unique (request_id, position),
  check ((status in ('approved', 'denied')) = (decided_at is not null))
);
create index clearance_legs_state_idx on clearance_legs (state_code, status);
create index clearance_legs_request_idx on clearance_legs (request_id, position);
-- The tacit-consent runner's question: which pending leg falls due next.
create index clearance_legs_due_idx on clearance_legs (due_at) where status = 'pending';
-- The 1 h reminder runner's question.
create table clearance_leg_reminders (
  leg_id uuid not null references clearance_legs (id) on delete cascade,
  due_at timestamptz not null,
  sent boolean not null,
  handled_at timestamptz not null default now(),
  primary key (leg_id, due_at)
);

-- What happened to each leg, in order: opened, information asked and given, decided,
-- tacit, escalated, re-opened by an amendment, conditions accepted.
create table clearance_leg_events (
  id bigint generated always as identity primary key,
  leg_id uuid not null references clearance_legs (id) on delete cascade,
  at timestamptz not null default now(),
  kind text not null check (kind in ('opened', 'info_requested', 'info_given', 'decided', 'tacit',
    'escalated', 'reopened', 'kept', 'conditions_accepted', 'withdrawn', 'standing_permission')),
  actor_label text not null,
  -- The question or answer text, the decision, the version.
  details jsonb not null default '{}' check (jsonb_typeof(details) = 'object')
);
create index clearance_leg_events_leg_idx on clearance_leg_events (leg_id, at, id);

-- Notifications about clearances: a leg arrived for a state's points of contact, its window
-- closes within the hour, a state decided (to the requester), the request is cleared.
alter table notifications alter column proposal_id drop not null;
alter table notifications alter column procedure_id drop not null;
alter table notifications add column clearance_request_id uuid references clearance_requests (id) on delete cascade;
alter table notifications drop constraint notifications_kind_check;
alter table notifications add constraint notifications_kind_check
  check (kind in ('procedure_opened', 'silence_broken', 'deadline_24h', 'deadline_1h', 'outcome',
    'leg_arrived', 'leg_due_1h', 'leg_decided', 'request_cleared', 'request_denied', 'leg_escalated'));
alter table notifications add constraint notifications_subject_check
  check (proposal_id is not null or clearance_request_id is not null);
alter table notification_preferences drop constraint notification_preferences_kind_check;
alter table notification_preferences add constraint notification_preferences_kind_check
  check (kind in ('procedure_opened', 'silence_broken', 'deadline_24h', 'deadline_1h', 'outcome',
    'leg_arrived', 'leg_due_1h', 'leg_decided', 'request_cleared', 'request_denied', 'leg_escalated'));
