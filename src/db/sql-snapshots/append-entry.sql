-- appending to the record: appendEntry() in the command's transaction
-- The statements it sends, in order; written by src/db/hot-queries.test.ts.
-- After an intended change: UPDATE_SQL_SNAPSHOTS=1 npx vitest run src/db/hot-queries.test.ts

-- 1 of 1, 12 parameters
insert into "ledger_pending" ("at", "actor_id", "actor_label", "delegation", "action", "subject_type", "subject_id", "classification", "audience", "payload", "payload_hash", "body_hash")
values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
returning "id";
