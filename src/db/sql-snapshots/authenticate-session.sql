-- authenticating a request by its session cookie (seen within the minute: last_seen_at is left alone)
-- The statements it sends, sorted by text; written by src/db/hot-queries.test.ts.
-- After an intended change: UPDATE_SQL_SNAPSHOTS=1 npx vitest run src/db/hot-queries.test.ts

-- 1 of 1, 2 parameters
select "users".*, "sessions"."id" as "session_id", "sessions"."csrf_token", "sessions"."expires_at", "sessions"."last_seen_at"
from "sessions"
inner join "users" on "users"."id" = "sessions"."user_id"
where "sessions"."id" = $1 and "sessions"."expires_at" > $2 and "users"."disabled_at" is null;
