-- appending to the record: appendEntry() in the command's transaction
-- The statements it sends, sorted by text; written by src/db/hot-queries.test.ts.
-- After an intended change: UPDATE_SQL_SNAPSHOTS=1 npx vitest run src/db/hot-queries.test.ts

-- 1 of 1, 12 parameters
/* sent with commit */ insert into ledger_pending (at, actor_id, actor_label, delegation, action, subject_type,
  subject_id, classification, audience, payload_json, payload_hash, body_hash)
values ($1::timestamptz, $2::uuid, $3::text, $4::text, $5::text, $6::text, $7::text, $8::smallint, $9::text[],
  $10::text, $11::text, $12::text);
