-- appending to the record: appendEntry()
-- The statements it sends, sorted by text; written by src/db/hot-queries.test.ts.
-- After an intended change: UPDATE_SQL_SNAPSHOTS=1 npx vitest run src/db/hot-queries.test.ts

-- 1 of 1, 13 parameters
with head as (select seq, hash from ledger_head where id = 1 for update),
entry as (
  insert into ledger_entries (seq, at, actor_id, actor_label, delegation, action, subject_type, subject_id,
    classification, audience, payload, payload_hash, prev_hash, hash)
  select head.seq + 1, $1::timestamptz, $2::uuid, $3, $4,
    $5, $6, $7, $8::smallint,
    $9::text[], $10::jsonb, $11, head.hash,
    encode(sha256(convert_to(
      '{"bodyHash":"' || $12::text || '","prevHash":"' || head.hash || '","seq":' || (head.seq + 1)::text || '}',
      'UTF8')), 'hex')
  from head
  returning seq, hash
),
moved as (update ledger_head set seq = entry.seq, hash = entry.hash from entry where ledger_head.id = 1)
select entry.seq, entry.hash, ledger_tree_append(entry.seq - 1, entry.hash) as leaf,
  pg_notify($13, entry.seq::text)
from entry;
