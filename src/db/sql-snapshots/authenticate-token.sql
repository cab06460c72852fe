-- authenticating a request by its API token (first use: last_used_at is set)
-- The statements it sends, sorted by text; written by src/db/hot-queries.test.ts.
-- After an intended change: UPDATE_SQL_SNAPSHOTS=1 npx vitest run src/db/hot-queries.test.ts

-- 1 of 2, 2 parameters
select "users".*, "api_tokens"."id" as "token_id", "api_tokens"."last_used_at"
from "api_tokens"
inner join "users" on "users"."id" = "api_tokens"."user_id"
where "api_tokens"."token_hash" = $1 and "api_tokens"."revoked_at" is null and ("api_tokens"."expires_at" is null or "api_tokens"."expires_at" > $2) and "users"."disabled_at" is null;

-- 2 of 2, 2 parameters
update "api_tokens" set "last_used_at" = $1 where "id" = $2;
