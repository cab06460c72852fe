-- giving a stance: giveStances(..., { view: true }), as POST /api/procedures/{id}/stances runs it
-- The statements it sends, sorted by text; written by src/db/hot-queries.test.ts.
-- After an intended change: UPDATE_SQL_SNAPSHOTS=1 npx vitest run src/db/hot-queries.test.ts

-- 1 of 3, 11 parameters
with superseded as (
  update stances set superseded_at = $1
  where procedure_id = $2 and state_code = $3 and superseded_at is null
    and point = any($4::text[])
  returning id
),
inserted as (
  insert into stances (procedure_id, point, state_code, kind, text, given_by, given_by_label, given_at,
    amendment_version)
  select $5::uuid, x.point, $6, x.kind, x.body,
    $7::uuid, $8, $9::timestamptz,
    x.amendment_version
  from (select count(*) from superseded) as done,
    jsonb_to_recordset($10::jsonb)
      as x(ord int, point text, kind text, body text, amendment_version int)
  order by x.ord
  returning *
)
select coalesce((select json_agg(i order by i.id) from inserted i), '[]') as inserted,
  coalesce((select json_agg(id) from superseded), '[]') as superseded,
  coalesce((select json_agg(s order by s.id) from stances s
    where s.procedure_id = $11), '[]') as before;

-- 2 of 3, 12 parameters
/* sent with commit */ insert into ledger_pending (at, actor_id, actor_label, delegation, action, subject_type,
  subject_id, classification, audience, payload_json, payload_hash, body_hash)
values ($1::timestamptz, $2::uuid, $3::text, $4::text, $5::text, $6::text, $7::text, $8::smallint, $9::text[],
  $10::text, $11::text, $12::text);

-- 3 of 3, 1 parameter
select "procedures".*, "proposals"."body_code" as "proposal_body_code", "proposals"."title" as "proposal_title", "proposals"."classification" as "proposal_classification", "proposals"."author_state" as "proposal_author_state", "proposals"."priority_code" as "proposal_priority_code", "proposals"."status" as "proposal_status", "proposals"."latest_version" as "proposal_latest_version", "proposals"."created_by" as "proposal_created_by", "proposals"."created_at" as "proposal_created_at", "proposals"."updated_at" as "proposal_updated_at", array(
    select bm.state_code::text from body_members bm
    join member_states ms on ms.code = bm.state_code
    where bm.body_code = proposals.body_code
    order by ms.position, ms.code) as "policy_body_states", (select p.state_code::text from presidencies p order by p.starts_on desc limit 1) as "policy_presidency_state", array(
  select da.user_id::text from delegate_authorisations da where da.state_code = any(procedures.eligible)) as "policy_delegates", (select v.title from proposal_versions v
      where v.proposal_id = procedures.proposal_id and v.version = procedures.version) as "view_title", (select v.points from proposal_versions v
      where v.proposal_id = procedures.proposal_id and v.version = procedures.version) as "view_points", '[]'::json as "view_history", (select json_build_object('id', d.id, 'number', d."number", 'year', d.year)
      from decisions d where d.procedure_id = procedures.id) as "view_decision"
from "procedures"
inner join "proposals" on "proposals"."id" = "procedures"."proposal_id"
where "procedures"."id" = $1
for update of "procedures";
