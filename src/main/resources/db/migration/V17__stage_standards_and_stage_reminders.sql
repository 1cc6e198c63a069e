-- Quarterly stage evaluation against the standards of the method (LEDGER-6): one rating per standard.
-- rating_rule: ENTERED (one rating, as before V17 and for methods without standards) or WORST (the overall
-- rating is the worst of the standards' ratings).
alter table work_stage_evaluation add column rating_rule varchar(10) not null default 'ENTERED'
    check (rating_rule in ('ENTERED', 'WORST'));

create table work_stage_evaluation_standard (
    id             bigint generated always as identity primary key,
    tenant_id      bigint       not null references tenant (id),
    evaluation_id  bigint       not null references work_stage_evaluation (id),
    position       int          not null,
    code           varchar(30)  not null,
    name           varchar(50)  not null,
    rating         varchar(20)  not null check (rating in ('GOOD', 'FAIR', 'AVERAGE', 'POOR')),
    unique (tenant_id, evaluation_id, code)
);

-- Stages of the reverse schedule reported done (阶段完成) by the assignee side, once per stage; kept apart
-- from work_stage, which is rewritten when an extension reschedules the stages (seq stays the same).
create table work_stage_done (
    tenant_id        bigint       not null references tenant (id),
    item_id          bigint       not null references work_item (id),
    seq              int          not null,
    ledger_entry_id  bigint       not null references work_ledger_entry (id),
    reported_by      varchar(50)  not null,
    reported_at      timestamptz  not null,
    primary key (tenant_id, item_id, seq)
);

-- Reminders for stage due dates (STAGE_DUE, STAGE_OVERDUE): ref_id is seq * 1000000 + the due date as a
-- day number, so a stage moved by an extension starts a new chain; the stage's name is kept for the text.
alter table reminder add column stage_name varchar(100);
