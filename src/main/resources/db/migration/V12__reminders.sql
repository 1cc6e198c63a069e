-- Reminders and escalation (催办, WORK-7): each person's in-app inbox. A reminder goes to the
-- responsible person (step 0); when nothing is reported or answered within the method's working days
-- it goes on to the lead group's supervisor-assessor or supervising leader (step 1), then the leader
-- (step 2). The unique key keeps the nightly run from sending the same reminder twice: ref_id names
-- the occasion (the light change, the deadline as a day number, or the supervision opinion).
create table reminder (
    id           bigint generated always as identity primary key,
    tenant_id    bigint        not null references tenant (id),
    person_id    bigint        not null references person (id),
    item_id      bigint        not null references work_item (id),
    reason       varchar(20)   not null,
    ref_id       bigint        not null,
    step         int           not null check (step between 0 and 2),
    light        varchar(10),
    due_on       date,
    created_at   timestamptz   not null,
    read_at      timestamptz,
    sent_at      timestamptz,
    send_error   varchar(500),
    constraint reminder_once unique (tenant_id, item_id, reason, ref_id, step)
);
create index reminder_inbox on reminder (tenant_id, person_id, created_at desc, id desc);
create index reminder_unread on reminder (tenant_id, person_id) where read_at is null;
