-- deciding a leg: decideLeg(), as POST /api/clearances/{id}/legs/{state}/decision runs it
-- The statements it sends, sorted by text; written by src/db/hot-queries.test.ts.
-- After an intended change: UPDATE_SQL_SNAPSHOTS=1 npx vitest run src/db/hot-queries.test.ts

-- 1 of 13, 2 parameters
insert into clearance_numbers (scope, year, last_number) values ($1, $2, 1)
on conflict (scope, year) do update set last_number = clearance_numbers.last_number + 1
returning last_number;

-- 2 of 13, 10 parameters
/* sent with commit */
    with chosen as (
      select u.id as user_id,
             coalesce(p.in_app, true) as in_app,
             coalesce(p.email, false) and u.email is not null as email
      from users u
      left join notification_preferences p on p.user_id = u.id and p.kind = $1
      where u.id in ($2::uuid)
    ),
    inserted as (
      insert into notifications
        (user_id, kind, subject_type, subject_id, details, dedupe_key, created_at, in_app)
      select c.user_id, $3, $4, $5::uuid, $6::jsonb,
             $7, $8::timestamptz, c.in_app
      from chosen c
      order by c.user_id
      on conflict (user_id, dedupe_key) do nothing
      returning id, user_id, in_app
    ),
    queued as (
      insert into notification_emails (notification_id, next_attempt_at)
      select i.id, now() from inserted i join chosen c on c.user_id = i.user_id where c.email
      returning 1
    ),
    -- No NOTIFY in a command's transaction: wake-ups the record's sequencer sends (src/db/wake-up.ts).
    woken as (
      insert into wake_ups (channel, payload)
      select $9, i.user_id::text from inserted i where i.in_app
      union all
      select $10, '' where exists (select 1 from queued)
      returning 1
    )
    select i.user_id, (select count(*) from woken) as woken
    from inserted i
    order by i.user_id;

-- 3 of 13, 8 parameters
/* sent with commit */
    with queued as (
      insert into webhook_deliveries (webhook_id, event, data, occurred_at, next_attempt_at)
      select w.id, $1::text, $2::jsonb, $3::timestamptz, $4::timestamptz
      from webhooks w
      where w.active and w.state_code in ($5, $6) and $7::text = any (w.events)
      order by w.created_at, w.id
      returning 1
    )
    insert into wake_ups (channel, payload)
    select $8::text, '' where exists (select 1 from queued);

-- 4 of 13, 5 parameters
/* sent with commit */ insert into clearance_leg_events (leg_id, kind, actor_label, at, details)
      values ($1::uuid, $2::text, $3::text, $4::timestamptz,
        $5::jsonb);

-- 5 of 13, 12 parameters
/* sent with commit */ insert into ledger_pending (at, actor_id, actor_label, delegation, action, subject_type,
  subject_id, classification, audience, payload_json, payload_hash, body_hash)
values ($1::timestamptz, $2::uuid, $3::text, $4::text, $5::text, $6::text, $7::text, $8::smallint, $9::text[],
  $10::text, $11::text, $12::text);

-- 6 of 13, 2 parameters
/* sent with commit */ insert into wake_ups (channel, payload) values ($1::text, $2::text);

-- 7 of 13, 1 parameter
select "user_id" from "delegate_authorisations" where "state_code" in ($1);

-- 8 of 13, 1 parameter
select * from "clearance_legs" where "request_id" = $1 order by "position";

-- 9 of 13, 1 parameter
select * from "clearance_legs" where "request_id" = $1 order by "position";

-- 10 of 13, 1 parameter
select * from "clearance_requests" where "id" = $1 for key share;

-- 11 of 13, 5 parameters
select *
from "users"
where "disabled_at" is null and ("affiliation" = $1 and "state_code" in ($2)) and not exists (select "notification_preferences"."user_id" from "notification_preferences" where "notification_preferences"."user_id" = "users"."id" and "notification_preferences"."kind" = $3 and "notification_preferences"."in_app" = $4 and ("notification_preferences"."email" = $5 or "users"."email" is null))
order by "id";

-- 12 of 13, 18 parameters
update "clearance_legs"
set "status" = $1, "opened_at" = $2, "due_at" = $3, "window_seconds" = $4, "on_silence" = $5, "paused_at" = $6, "paused_seconds" = $7, "decided_at" = $8, "decided_how" = $9, "conditions" = $10, "conditions_accepted_at" = $11, "decided_by_label" = $12, "clearance_number" = $13, "reason" = $14, "internal_note" = $15
where "id" = $16 and "status" = $17 and "version" = $18
returning *;

-- 13 of 13, 2 parameters
update "clearance_requests"
set "updated_at" = greatest(updated_at, $1::timestamptz)
where "id" = $2
returning *;
