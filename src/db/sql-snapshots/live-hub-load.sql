-- the live hub's load of new entries after the sequencer's NOTIFY (LiveHub.drain)
-- The statements it sends, sorted by text; written by src/db/hot-queries.test.ts.
-- After an intended change: UPDATE_SQL_SNAPSHOTS=1 npx vitest run src/db/hot-queries.test.ts

-- 1 of 1, 2 parameters
select "seq", "at", "action", "subject_type", "subject_id", "classification", "audience", "actor_id"
from "ledger_entries"
where "seq" > $1
order by "seq"
limit $2;
