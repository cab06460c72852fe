-- counting unread notifications: unreadCount(), part of GET /api/notifications
-- The statements it sends, in order; written by src/db/hot-queries.test.ts.
-- After an intended change: UPDATE_SQL_SNAPSHOTS=1 npx vitest run src/db/hot-queries.test.ts

-- 1 of 1, 5 parameters
select count(*) as "n"
from "notifications"
left join "proposals" on "proposals"."id" = "notifications"."proposal_id"
left join "clearance_requests" on "clearance_requests"."id" = "notifications"."clearance_request_id"
where "notifications"."user_id" = $1 and (("notifications"."proposal_id" is not null and ("proposals"."classification" <= $2 and exists (select "body_members"."state_code" from "body_members" where "body_members"."body_code" = "proposals"."body_code" and "body_members"."state_code" = $3))) or ("notifications"."clearance_request_id" is not null and "clearance_requests"."classification" <= $4)) and "notifications"."in_app" = $5 and "notifications"."read_at" is null;
