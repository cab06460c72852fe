-- Notifications know no domain: each is about a subject named by its type and id (a
-- proposal, a clearance request...), with no foreign key per domain. The procedure a
-- decision notification is about stays in its details (procedureId). The kinds are no longer
-- listed here: the notifications module installs the CHECK of the kinds the modules declare
-- (its prepare, after the migrations).
-- Numbered migrations are never edited once landed; add a new file instead.

alter table notifications add column subject_type text;
alter table notifications add column subject_id uuid;

update notifications
set subject_type = case when clearance_request_id is not null then 'clearance_request' else 'proposal' end,
    subject_id = coalesce(clearance_request_id, proposal_id),
    details = case
      when procedure_id is not null then details || jsonb_build_object('procedureId', procedure_id::text)
      else details
    end;

alter table notifications alter column subject_type set not null;
alter table notifications alter column subject_id set not null;
alter table notifications drop constraint notifications_subject_check;
alter table notifications drop constraint notifications_kind_check;
alter table notification_preferences drop constraint notification_preferences_kind_check;
alter table notifications drop column proposal_id;
alter table notifications drop column procedure_id;
alter table notifications drop column clearance_request_id;

-- The notifications of one subject (the tests' and the support desk's question).
create index notifications_subject_idx on notifications (subject_type, subject_id);
