-- listing proposals: listProposals(), GET /api/proposals
-- The statements it sends, sorted by text; written by src/db/hot-queries.test.ts.
-- After an intended change: UPDATE_SQL_SNAPSHOTS=1 npx vitest run src/db/hot-queries.test.ts

-- 1 of 3, 0 parameters
select "body_members"."body_code", "body_members"."state_code"
from "body_members"
inner join "member_states" on "member_states"."code" = "body_members"."state_code"
order by "member_states"."position", "member_states"."code";

-- 2 of 3, 5 parameters
select "proposals".*, "op"."id" as "procedure_id", "op"."kind" as "procedure_kind", "op"."deadline" as "deadline", "d"."id" as "decision_id", "d"."number" as "decision_number", "d"."year" as "decision_year"
from "proposals"
left join "procedures" as "op" on "op"."proposal_id" = "proposals"."id" and "op"."status" = $1
left join "decisions" as "d" on "d"."proposal_id" = "proposals"."id"
where ("proposals"."classification" <= $2 and exists (select "body_members"."state_code" from "body_members" where "body_members"."body_code" = "proposals"."body_code" and "body_members"."state_code" = $3))
order by "proposals"."updated_at" desc, "proposals"."id"
limit $4
offset $5;

-- 3 of 3, 1 parameter
select "state_code" from "presidencies" order by "starts_on" desc limit $1;
