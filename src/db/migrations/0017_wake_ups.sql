-- Wake-ups without NOTIFY in a command's transaction (issue 9). PostgreSQL serialises the
-- commits of transactions that NOTIFY (one lock on the notification queue, held through the
-- commit's WAL flush), so a command no longer sends one: it writes the wake-up here, in its
-- own transaction and with its COMMIT, and the record's sequencer sends every waiting
-- wake-up (once per channel and payload) in its batch transaction, after the entries of that
-- batch. Listeners (the runners, the live streams' unread counts) are woken within the
-- sequencer's delay; each still finds its work in its own tables.
-- Numbered migrations are never edited once landed; add a new file instead.
create table wake_ups (
  id bigserial primary key,
  channel text not null,
  payload text not null default ''
);
