-- The organisation's procedure horizon as a setting of its own, and the indexes the list
-- measurements asked for (src/db/hot-queries.test.ts).
-- Numbered migrations are never edited once landed; add a new file instead.

-- How far ahead a procedure deadline may be, in days: `procedures.maxHorizonDays` of the
-- organisation file, written by each load (it was read back from the payload of the last
-- `organisation.loaded` record entry, which keeps stating what was loaded).
alter table organisation
  add column procedure_max_horizon_days integer not null default 365
    check (procedure_max_horizon_days between 1 and 3650);

-- The value in force: the one the last load stated (when in range; else the default, as the
-- old reading had it).
update organisation
set procedure_max_horizon_days = last_load.days::integer
from (
  select case when jsonb_typeof(payload -> 'procedures' -> 'maxHorizonDays') = 'number'
    then (payload -> 'procedures' ->> 'maxHorizonDays')::numeric end as days
  from ledger_entries
  where subject_type = 'organisation' and action = 'organisation.loaded'
  order by seq desc
  limit 1
) last_load
where last_load.days between 1 and 3650 and last_load.days = trunc(last_load.days);

-- The request lists, newest change first across states (the others filter by state or status).
create index clearance_requests_updated_idx on clearance_requests (updated_at desc, id);

-- The record page's filters: a range of days, and one person's entries newest first.
create index ledger_entries_at_idx on ledger_entries (at);
create index ledger_entries_actor_idx on ledger_entries (actor_id, seq);
