-- counting unread notifications: unreadCount(), part of GET /api/notifications
-- The statements it sends, in order; written by src/db/hot-queries.test.ts.
-- After an intended change: UPDATE_SQL_SNAPSHOTS=1 npx vitest run src/db/hot-queries.test.ts

-- 1 of 1, 9 parameters
select count(*) as "n"
from "notifications"
left join "proposals" on "proposals"."id" = "notifications"."subject_id" and "notifications"."subject_type" = $1
left join "clearance_requests" on "clearance_requests"."id" = "notifications"."subject_id" and "notifications"."subject_type" = $2
where "notifications"."user_id" = $3 and (("notifications"."subject_type" = $4 and ("proposals"."classification" <= $5 and exists (select "body_members"."state_code" from "body_members" where "body_members"."body_code" = "proposals"."body_code" and "body_members"."state_code" = $6))) or ("notifications"."subject_type" = $7 and "clearance_requests"."classification" <= $8)) and "notifications"."in_app" = $9 and "notifications"."read_at" is null;
