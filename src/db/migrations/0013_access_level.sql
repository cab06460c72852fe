-- A person's level is their access level: the highest classification they may read. The
-- word "clearance" is left to the movement permission (clearance requests, clearance
-- numbers), so the column and its check say what they are. Record entries written before
-- keep their `clearance` key (the record is append-only); the users module reads both.
-- Numbered migrations are never edited once landed; add a new file instead.

alter table users rename column clearance to access_level;
alter table users rename constraint users_clearance_check to users_access_level_check;
