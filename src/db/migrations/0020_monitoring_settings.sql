-- Crisis monitoring and early warning, what the organisation file declares (its `monitoring:`
-- section): the alert scale, the taxonomy of field reports, the regions watched and their
-- indicators with thresholds, and the rule that combines indicators into a region's level.
-- Loaded by `accord load`; each load converges on the file (rows not in it are removed).
-- Numbered migrations are never edited once landed; add a new file instead.

create table alert_levels (
  level smallint primary key check (level between 1 and 9),
  code text not null unique check (code ~ '^[a-z][a-z0-9-]{1,63}$'),
  name_en text not null,
  name_ru text not null,
  colour text not null check (colour ~ '^#[0-9a-fA-F]{6}$')
);

-- Categories and their subcategories (parent_code set), one code space.
create table report_categories (
  code text primary key check (code ~ '^[a-z][a-z0-9-]{1,63}$'),
  parent_code text references report_categories (code) on delete set null,
  name_en text not null,
  name_ru text not null,
  -- ACLED's violent event types; a subcategory takes its category's.
  violent boolean not null default false,
  position integer not null,
  check (parent_code is null or parent_code <> code)
);
create index report_categories_parent on report_categories (parent_code);

create table monitoring_regions (
  code text primary key check (code ~ '^[a-z][a-z0-9-]{1,63}$'),
  name_en text not null,
  name_ru text not null,
  states text[] not null check (cardinality(states) >= 1),
  -- The outline for the map: a JSON array of [longitude, latitude] pairs, or null.
  area jsonb check (area is null or jsonb_typeof(area) = 'array'),
  position integer not null
);

create table indicators (
  code text primary key check (code ~ '^[a-z][a-z0-9-]{1,63}$'),
  region_code text not null references monitoring_regions (code) on delete cascade,
  name_en text not null,
  name_ru text not null,
  unit_en text not null,
  unit_ru text not null,
  -- computed: counted from the reports of `categories`; entered: entered or imported values.
  source text not null check (source in ('computed', 'entered')),
  categories text[],
  measure text check (measure in ('reports', 'casualties')),
  time_window text check (time_window in ('day', 'week', 'month')),
  direction text not null check (direction in ('rising', 'falling')),
  -- [{ "level": 2, "at": 3 }, ...], levels rising, values in the indicator's direction.
  thresholds jsonb not null check (jsonb_typeof(thresholds) = 'array'),
  position integer not null,
  check ((source = 'computed') = (categories is not null and measure is not null and time_window is not null))
);
create index indicators_region on indicators (region_code);

-- One row: the combination rule (absent: a region stands at its indicators' highest level).
create table monitoring_settings (
  id smallint primary key default 1 check (id = 1),
  escalate_indicators integer check (escalate_indicators >= 2),
  escalate_at_level smallint
);
