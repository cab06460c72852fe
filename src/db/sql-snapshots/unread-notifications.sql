-- counting unread notifications: unreadCount(), part of GET /api/notifications
-- The statements it sends, sorted by text; written by src/db/hot-queries.test.ts.
-- After an intended change: UPDATE_SQL_SNAPSHOTS=1 npx vitest run src/db/hot-queries.test.ts

-- 1 of 1, 8 parameters
select count(*) as "n"
from "notifications"
where "notifications"."user_id" = $1 and (("notifications"."subject_type" = $2 and (select jsonb_build_object('title', proposals.title, 'reference', null, 'classification', proposals.classification) as "facts" from "proposals" where "proposals"."id" = "notifications"."subject_id" and ("proposals"."classification" <= $3 and exists (select "body_members"."state_code" from "body_members" where "body_members"."body_code" = "proposals"."body_code" and "body_members"."state_code" = $4))) is not null) or ("notifications"."subject_type" = $5 and (select jsonb_build_object('title', clearance_requests.title, 'reference', clearance_requests.reference, 'classification', clearance_requests.classification) as "facts" from "clearance_requests" where "clearance_requests"."id" = "notifications"."subject_id" and "clearance_requests"."classification" <= $6 and ("clearance_requests"."submitted_at" is not null or "clearance_requests"."requesting_state" = $7)) is not null)) and "notifications"."in_app" = $8 and "notifications"."read_at" is null;
