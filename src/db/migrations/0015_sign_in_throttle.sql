-- Sign-in throttling without a hard lock-out (issue 9). A failed sign-in is no longer written
-- to the record: nothing an unauthenticated caller types reaches it. Failures are counted
-- here instead, by client address (and the account, when the name was one), for the window
-- of SIGN_IN_LIMITS (src/modules/auth/schema.ts), and purged once older than it. The typed
-- username and password are never stored.
-- The per-account counters and the lock of 0001 go: anyone could lock any account with five
-- wrong passwords.
-- Numbered migrations are never edited once landed; add a new file instead.

create table sign_in_failures (
  id bigint generated always as identity primary key,
  at timestamptz not null,
  address text not null check (length(address) between 1 and 64),
  user_id uuid references users (id) on delete cascade
);
create index sign_in_failures_address_idx on sign_in_failures (address, at);
create index sign_in_failures_user_idx on sign_in_failures (user_id, at) where user_id is not null;
create index sign_in_failures_at_idx on sign_in_failures (at);

alter table users
  drop column failed_signins,
  drop column sign_in_not_before,
  drop column locked_until;
