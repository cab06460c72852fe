-- Decisions: proposals and their versions, procedures with the rule fixed at opening,
-- stances (every change kept), delegates authorised by their head, adopted decisions.
-- Numbered migrations are never edited once landed; add a new file instead.

create table proposals (
  id uuid primary key default gen_random_uuid(),
  body_code text not null references bodies (code),
  -- The title of the latest version, kept here so lists can search and sort without a join.
  title text not null,
  classification smallint not null default 0 check (classification between 0 and 3),
  -- The author: a member state's delegation, or the secretariat (author_state null).
  author_state char(2) references member_states (code),
  -- A code among the presidency's priorities when the proposal was written (not a foreign
  -- key: the presidency and its priorities are replaced when an organisation file loads).
  priority_code text,
  status text not null default 'draft'
    check (status in ('draft', 'open', 'adopted', 'partially_adopted', 'not_adopted')),
  latest_version integer not null default 1 check (latest_version > 0),
  created_by uuid references users (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index proposals_body_idx on proposals (body_code, updated_at desc);
create index proposals_status_idx on proposals (status, updated_at desc);
create index proposals_updated_idx on proposals (updated_at desc, id);

create table proposal_versions (
  proposal_id uuid not null references proposals (id) on delete cascade,
  version integer not null check (version > 0),
  title text not null,
  text text not null,
  -- [{ "key": "1", "text": "..." }, ...] in order.
  points jsonb not null check (jsonb_typeof(points) = 'array' and jsonb_array_length(points) > 0),
  -- draft: the first text; edit: changed before a procedure; amendment: proposed by a state.
  origin text not null check (origin in ('draft', 'edit', 'amendment')),
  origin_state char(2) references member_states (code),
  -- The procedure in which the amendment was proposed. No foreign key: procedures already
  -- reference versions, and backup orders tables by their references, which cannot loop.
  origin_procedure_id uuid,
  created_by uuid references users (id),
  created_by_label text not null,
  created_at timestamptz not null default now(),
  primary key (proposal_id, version),
  check ((origin = 'amendment') = (origin_state is not null))
);

create table procedures (
  id uuid primary key default gen_random_uuid(),
  proposal_id uuid not null,
  version integer not null,
  kind text not null
    check (kind in ('meeting_consensus', 'silence', 'written', 'unanimity', 'qualified_majority')),
  -- The Rule of src/modules/decisions/outcome.ts, fixed when the procedure opened.
  rule jsonb not null,
  -- The states sitting in the body when the procedure opened.
  eligible text[] not null,
  -- The keys of the points put to the procedure, in order.
  points text[] not null check (cardinality(points) > 0),
  deadline timestamptz,
  -- Written procedure, missing answers extend the deadline once by this many hours.
  extension_hours integer check (extension_hours between 1 and 720),
  extended boolean not null default false,
  status text not null default 'open' check (status in ('open', 'closed')),
  opened_by uuid references users (id),
  opened_by_label text not null,
  opened_at timestamptz not null default now(),
  closed_at timestamptz,
  closed_by_label text,
  result text check (result in ('adopted', 'partially_adopted', 'not_adopted')),
  -- The Outcome computed at closing: verdict, tally and reason per point.
  outcome jsonb,
  foreign key (proposal_id, version) references proposal_versions (proposal_id, version),
  check (kind = 'meeting_consensus' or deadline is not null),
  check ((status = 'closed') = (result is not null and closed_at is not null))
);
create index procedures_proposal_idx on procedures (proposal_id, opened_at);
-- One open procedure per proposal.
create unique index procedures_one_open_idx on procedures (proposal_id) where status = 'open';
-- The deadline runner's question: which open procedure is due next.
create index procedures_due_idx on procedures (deadline) where status = 'open';

create table stances (
  id bigint generated always as identity primary key,
  procedure_id uuid not null references procedures (id) on delete cascade,
  point text not null,
  state_code char(2) not null references member_states (code),
  kind text not null check (kind in ('agree', 'abstain', 'constructive_abstention', 'object',
    'propose_amendment', 'not_participating', 'reservation', 'interpretative_statement')),
  -- The objection, amendment, declaration, reservation or statement; optional for the rest.
  text text,
  given_by uuid references users (id),
  given_by_label text not null,
  given_at timestamptz not null default now(),
  -- A later stance of the same state on the same point replaced this one.
  superseded_at timestamptz,
  -- The amendment's version of the proposal, for propose_amendment.
  amendment_version integer,
  check (kind in ('agree', 'abstain', 'not_participating') or (text is not null and length(text) > 0))
);
-- One current stance per state and point; every earlier one is kept, superseded.
create unique index stances_current_idx on stances (procedure_id, point, state_code) where superseded_at is null;
create index stances_procedure_idx on stances (procedure_id, given_at);

-- A head of delegation lets a delegate of the same state answer for it.
create table delegate_authorisations (
  state_code char(2) not null references member_states (code),
  user_id uuid not null references users (id) on delete cascade,
  granted_by_label text not null,
  granted_at timestamptz not null default now(),
  primary key (state_code, user_id)
);

-- The last decision number given in each year.
create table decision_numbers (
  year integer primary key,
  last_number integer not null check (last_number > 0)
);

create table decisions (
  id uuid primary key,
  -- At most one decision per procedure, whatever number of processes close it.
  procedure_id uuid not null unique references procedures (id),
  proposal_id uuid not null references proposals (id),
  year integer not null,
  number integer not null check (number > 0),
  title text not null,
  text text not null,
  -- Every point of the version with its verdict: [{ key, text, adopted, reason }].
  points jsonb not null,
  -- Declarations, reservations and interpretative statements: [{ state, point, kind, text }].
  statements jsonb not null,
  -- Each state's stance on each point: [{ state, point, kind }], kind "no_answer" when silent.
  stances jsonb not null,
  result text not null check (result in ('adopted', 'partially_adopted')),
  adopted_at timestamptz not null,
  -- The record entry that published the decision: anyone can check the decision against it.
  ledger_seq bigint not null unique references ledger_entries (seq),
  ledger_hash text not null,
  unique (year, number)
);
create index decisions_proposal_idx on decisions (proposal_id);
