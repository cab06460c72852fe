-- Leg decisions that do not serialise on the request's row lock (legs/settling.ts). A leg's
-- decision holds FOR KEY SHARE on its request from its first statement (amendments,
-- withdrawals and the other request-wide commands take FOR UPDATE and wait for it), and takes
-- the request's row lock (FOR NO KEY UPDATE, compatible with the others' KEY SHARE) only as its
-- last step, to settle the outcome. An UPDATE that changes a column with a unique index
-- usable by a foreign key takes FOR UPDATE instead, which would wait for every other decision
-- holding KEY SHARE on the same request while they wait for its lock: a deadlock. The
-- certificate's verification code is written on the request as it is cleared, so its
-- uniqueness moves to a partial unique index (not a key in PostgreSQL's sense; the same
-- guarantee: codes were already null until given).
-- Numbered migrations are never edited once landed; add a new file instead.
alter table clearance_requests drop constraint clearance_requests_verification_code_key;
create unique index clearance_requests_verification_code_idx
  on clearance_requests (verification_code) where verification_code is not null;
