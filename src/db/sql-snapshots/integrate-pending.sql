-- the record's sequencer giving pending entries their place: integratePending(), one batch
-- The statements it sends, sorted by text; written by src/db/hot-queries.test.ts.
-- After an intended change: UPDATE_SQL_SNAPSHOTS=1 npx vitest run src/db/hot-queries.test.ts

-- 1 of 7, 2 parameters
select t.level, t.idx, t.hash
from unnest($1::smallint[], $2::bigint[]) as wanted(level, idx)
join ledger_tree t on t.level = wanted.level and t.idx = wanted.idx;

-- 2 of 7, 3 parameters
insert into ledger_tree (level, idx, hash)
select level, idx, decode(hash, 'hex')
from unnest($1::smallint[], $2::bigint[],
  $3::text[]) as n (level, idx, hash);

-- 3 of 7, 0 parameters
select seq, hash from ledger_head where id = 1 for update;

-- 4 of 7, 4 parameters
with batch as (
  select * from unnest($1::bigint[], $2::bigint[], $3::text[], $4::text[])
    as b (record_id, seq, prev_hash, hash)
),
entered as (
  insert into ledger_entries (seq, at, actor_id, actor_label, delegation, action, subject_type, subject_id,
    classification, audience, payload, payload_json, payload_hash, prev_hash, hash, record_id)
  select b.seq, p.at, p.actor_id, p.actor_label, p.delegation, p.action, p.subject_type, p.subject_id,
    p.classification, p.audience, coalesce(p.payload, p.payload_json::jsonb), p.payload_json, p.payload_hash,
    b.prev_hash, b.hash, p.id
  from batch b join ledger_pending p on p.id = b.record_id
  order by b.seq
  returning 1
),
gone as (delete from ledger_pending p using batch b where p.id = b.record_id returning 1)
select (select count(*) from entered) as entered, (select count(*) from gone) as gone;

-- 5 of 7, 4 parameters
with moved as (update ledger_head set seq = $1, hash = $2 where id = 1)
select pg_notify($3, $4);

-- 6 of 7, 0 parameters
with taken as (delete from wake_ups returning channel, payload)
select count(*) as sent
from (select pg_notify(channel, payload) from (select distinct channel, payload from taken) d) n;

-- 7 of 7, 1 parameter
select "id", "body_hash" from "ledger_pending" order by "id" limit $1;
