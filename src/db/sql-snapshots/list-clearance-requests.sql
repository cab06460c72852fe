-- listing the clearance requests of a state: listRequests(), GET /api/clearances?state=RU
-- The statements it sends, sorted by text; written by src/db/hot-queries.test.ts.
-- After an intended change: UPDATE_SQL_SNAPSHOTS=1 npx vitest run src/db/hot-queries.test.ts

-- 1 of 2, 1 parameter
select * from "clearance_legs" where "request_id" in ($1) order by "position";

-- 2 of 2, 6 parameters
select *
from "clearance_requests"
where ("clearance_requests"."classification" <= $1 and ("clearance_requests"."requesting_state" = $2 or ("clearance_requests"."submitted_at" is not null and exists (select "clearance_legs"."id" from "clearance_legs" where "clearance_legs"."request_id" = "clearance_requests"."id" and "clearance_legs"."state_code" = $3)))) and ("requesting_state" = $4 or exists (select "clearance_legs"."id" from "clearance_legs" where "clearance_legs"."request_id" = "clearance_requests"."id" and "clearance_legs"."state_code" = $5))
order by "updated_at" desc
limit $6;
