-- Crisis monitoring: reports from the field (the monitoring module). A report has an
-- author, a time with its precision, a place (a point with its precision, or a named place
-- with distance and direction, "4 km south-east of X"), a category of the organisation
-- file's taxonomy, actors, counts, a source graded on the admiralty scale, free text and a
-- classification. It is reviewed (draft -> submitted -> under review -> verified ->
-- published, or archived), corrected in place with every version kept, and merged when it
-- duplicates another. Below the protection level set on it, a reader sees neither who
-- reported nor the exact place (the point rounded to 0.1 degree, about a district).
-- Numbered migrations are never edited once landed; add a new file instead.

create table report_numbers (
  year integer primary key,
  last_number integer not null
);

create table reports (
  id uuid primary key default gen_random_uuid(),
  reference text not null unique,
  version integer not null default 1 check (version >= 1),
  status text not null default 'draft'
    check (status in ('draft', 'submitted', 'under_review', 'verified', 'published', 'archived')),
  author_id uuid not null references users (id),
  author_label text not null,
  -- The author's delegation when they reported for a member state, null for the secretariat.
  author_state char(2),
  reporter_role text not null check (reporter_role in ('focal_point', 'monitor', 'mission_member')),
  title text not null check (length(title) between 1 and 300),
  description text not null default '' check (length(description) <= 20000),
  category_code text not null references report_categories (code),
  occurred_at timestamptz not null,
  time_precision text not null check (time_precision in ('exact', 'day', 'week')),
  -- The place: a point (exact, district or region precision) or a named place with the
  -- distance and direction from it; either may carry the point it stands for.
  latitude double precision check (latitude between -90 and 90),
  longitude double precision check (longitude between -180 and 180),
  location_precision text check (location_precision in ('exact', 'district', 'region')),
  place_name text check (length(place_name) between 1 and 200),
  distance_km double precision check (distance_km >= 0 and distance_km <= 10000),
  direction text check (direction in ('N', 'NNE', 'NE', 'ENE', 'E', 'ESE', 'SE', 'SSE',
    'S', 'SSW', 'SW', 'WSW', 'W', 'WNW', 'NW', 'NNW')),
  region_code text references monitoring_regions (code) on delete set null,
  state_code char(2),
  actors text[] not null default '{}',
  fatalities integer check (fatalities between 0 and 10000000),
  injured integer check (injured between 0 and 10000000),
  source_name text check (length(source_name) <= 300),
  -- The admiralty scale: reliability of the source A (reliable) .. F (cannot be judged),
  -- credibility of the information 1 (confirmed) .. 6 (cannot be judged).
  source_reliability char(1) not null default 'F' check (source_reliability between 'A' and 'F'),
  source_credibility smallint not null default 6 check (source_credibility between 1 and 6),
  classification smallint not null default 0 check (classification between 0 and 3),
  -- Readers whose access level is below this see no reporter and no exact place; null: none withheld.
  protection smallint check (protection between 1 and 3),
  published_to text check (published_to in ('members', 'partners')),
  duplicate_of uuid references reports (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  submitted_at timestamptz,
  review_started_at timestamptz,
  reviewer_label text,
  verified_at timestamptz,
  published_at timestamptz,
  archived_at timestamptz,
  archive_reason text,
  check ((latitude is null) = (longitude is null)),
  check (latitude is not null or place_name is not null or region_code is not null),
  check ((latitude is null) or location_precision is not null),
  check ((distance_km is null and direction is null) or place_name is not null),
  check ((status = 'published') = (published_to is not null and published_at is not null)),
  check (duplicate_of is null or (duplicate_of <> id and status = 'archived'))
);
-- The review queue (oldest first), the map and lists by time, a region's reports.
create index reports_queue on reports (submitted_at, id) where status in ('submitted', 'under_review');
create index reports_occurred on reports (occurred_at desc, id desc);
create index reports_region_occurred on reports (region_code, occurred_at desc);
create index reports_category on reports (category_code);
create index reports_author on reports (author_id, updated_at desc);
create index reports_duplicate_of on reports (duplicate_of) where duplicate_of is not null;

-- Every version of a report as it stood: the first as filed, then each correction with its reason.
create table report_versions (
  report_id uuid not null references reports (id) on delete cascade,
  version integer not null,
  snapshot jsonb not null,
  reason text,
  changed_by_label text not null,
  changed_at timestamptz not null default now(),
  primary key (report_id, version)
);

-- Collections ("Kyrgyzstan-Tajikistan border, 2023"): named sets of reports, kept by the
-- secretariat and the delegations; each reader sees only the reports in it they may read.
create table report_collections (
  id uuid primary key default gen_random_uuid(),
  name text not null check (length(name) between 1 and 200),
  description text not null default '' check (length(description) <= 2000),
  owner_state char(2),
  created_by_label text not null,
  created_at timestamptz not null default now()
);
create unique index report_collections_name on report_collections (lower(name));

create table report_collection_items (
  collection_id uuid not null references report_collections (id) on delete cascade,
  report_id uuid not null references reports (id) on delete cascade,
  added_at timestamptz not null default now(),
  primary key (collection_id, report_id)
);
create index report_collection_items_report on report_collection_items (report_id);

-- A person's saved filters of the report list and the map.
create table saved_report_filters (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references users (id) on delete cascade,
  name text not null check (length(name) between 1 and 100),
  filter jsonb not null check (jsonb_typeof(filter) = 'object'),
  created_at timestamptz not null default now(),
  unique (user_id, name)
);
