-- Work items and the supervision ledger (WORK-1, WORK-2, WORK-6, WORK-7, LEDGER-1 to LEDGER-4).

-- The official calendar: days that differ from the Monday-to-Friday rule. A row without a tenant is
-- the State Council's calendar (statutory holidays and the adjusted working weekends, 调休); a row of
-- a tenant adds to it or overrides it for that tenant. An administrator extends it when the next
-- year's calendar is published; 2025 and 2026 ship here (the same dates as cn.6tail:tyme4j 1.4.9,
-- which a test compares).
create table work_calendar_day (
    id          bigint generated always as identity primary key,
    tenant_id   bigint references tenant (id),
    day         date         not null,
    working     boolean      not null,
    name        varchar(50)  not null,
    created_by  varchar(50)  not null default 'system',
    created_at  timestamptz  not null default now()
);
create unique index work_calendar_day_once on work_calendar_day (coalesce(tenant_id, 0), day);

insert into work_calendar_day (day, working, name) values
    (date '2025-01-01', false, '元旦'),
    (date '2025-01-26', true , '春节调休上班'),
    (date '2025-01-28', false, '春节'),
    (date '2025-01-29', false, '春节'),
    (date '2025-01-30', false, '春节'),
    (date '2025-01-31', false, '春节'),
    (date '2025-02-01', false, '春节'),
    (date '2025-02-02', false, '春节'),
    (date '2025-02-03', false, '春节'),
    (date '2025-02-04', false, '春节'),
    (date '2025-02-08', true , '春节调休上班'),
    (date '2025-04-04', false, '清明节'),
    (date '2025-04-05', false, '清明节'),
    (date '2025-04-06', false, '清明节'),
    (date '2025-04-27', true , '劳动节调休上班'),
    (date '2025-05-01', false, '劳动节'),
    (date '2025-05-02', false, '劳动节'),
    (date '2025-05-03', false, '劳动节'),
    (date '2025-05-04', false, '劳动节'),
    (date '2025-05-05', false, '劳动节'),
    (date '2025-05-31', false, '端午节'),
    (date '2025-06-01', false, '端午节'),
    (date '2025-06-02', false, '端午节'),
    (date '2025-09-28', true , '国庆中秋调休上班'),
    (date '2025-10-01', false, '国庆中秋'),
    (date '2025-10-02', false, '国庆中秋'),
    (date '2025-10-03', false, '国庆中秋'),
    (date '2025-10-04', false, '国庆中秋'),
    (date '2025-10-05', false, '国庆中秋'),
    (date '2025-10-06', false, '国庆中秋'),
    (date '2025-10-07', false, '国庆中秋'),
    (date '2025-10-08', false, '国庆中秋'),
    (date '2025-10-11', true , '国庆中秋调休上班'),
    (date '2026-01-01', false, '元旦'),
    (date '2026-01-02', false, '元旦'),
    (date '2026-01-03', false, '元旦'),
    (date '2026-01-04', true , '元旦调休上班'),
    (date '2026-02-14', true , '春节调休上班'),
    (date '2026-02-15', false, '春节'),
    (date '2026-02-16', false, '春节'),
    (date '2026-02-17', false, '春节'),
    (date '2026-02-18', false, '春节'),
    (date '2026-02-19', false, '春节'),
    (date '2026-02-20', false, '春节'),
    (date '2026-02-21', false, '春节'),
    (date '2026-02-22', false, '春节'),
    (date '2026-02-23', false, '春节'),
    (date '2026-02-28', true , '春节调休上班'),
    (date '2026-04-04', false, '清明节'),
    (date '2026-04-05', false, '清明节'),
    (date '2026-04-06', false, '清明节'),
    (date '2026-05-01', false, '劳动节'),
    (date '2026-05-02', false, '劳动节'),
    (date '2026-05-03', false, '劳动节'),
    (date '2026-05-04', false, '劳动节'),
    (date '2026-05-05', false, '劳动节'),
    (date '2026-05-09', true , '劳动节调休上班'),
    (date '2026-06-19', false, '端午节'),
    (date '2026-06-20', false, '端午节'),
    (date '2026-06-21', false, '端午节'),
    (date '2026-09-20', true , '国庆节调休上班'),
    (date '2026-09-25', false, '中秋节'),
    (date '2026-09-26', false, '中秋节'),
    (date '2026-09-27', false, '中秋节'),
    (date '2026-10-01', false, '国庆节'),
    (date '2026-10-02', false, '国庆节'),
    (date '2026-10-03', false, '国庆节'),
    (date '2026-10-04', false, '国庆节'),
    (date '2026-10-05', false, '国庆节'),
    (date '2026-10-06', false, '国庆节'),
    (date '2026-10-07', false, '国庆节'),
    (date '2026-10-10', true , '国庆节调休上班');

-- A work item. The rules of its category (lead group, required documents, no leave) are copied from
-- the method version in force when it was created, so a later change of the method does not change
-- what an item already under way must have.
create table work_item (
    id                       bigint generated always as identity primary key,
    tenant_id                bigint        not null references tenant (id),
    title                    varchar(200)  not null,
    category_code            varchar(40)   not null,
    category_name            varchar(100)  not null,
    management               varchar(30)   not null,
    lead_group_size          int,
    lead_group_deputies      int,
    lead_group_supervisor    boolean       not null default false,
    required_documents       varchar(200)  not null default '',
    no_leave                 boolean       not null default false,
    source                   varchar(30)   not null,
    lead_unit_id             bigint        not null references org_unit (id),
    responsible_person_id    bigint        not null references person (id),
    supervising_leader_id    bigint references person (id),
    created_by_person_id     bigint references person (id),
    created_by_name          varchar(50)   not null,
    start_date               date          not null,
    original_deadline        date          not null,
    deadline                 date          not null,
    extension_count          int           not null default 0,
    requested_deadline       date,
    target                   varchar(2000) not null,
    measures                 varchar(4000),
    report_frequency         varchar(20)   not null,
    state                    varchar(30)   not null,
    state_before_extension   varchar(30),
    progress                 int           not null default 0 check (progress between 0 and 100),
    light                    varchar(10)   not null default 'NONE',
    created_at               timestamptz   not null,
    updated_at               timestamptz   not null,
    version                  int           not null default 0,
    constraint work_item_deadline_after_start check (deadline >= start_date)
);
-- the ledger list filters on unit, category, state and light and sorts by due date (keyset on deadline, id)
create index work_item_by_deadline on work_item (tenant_id, deadline, id);
create index work_item_by_unit on work_item (tenant_id, lead_unit_id, deadline, id);
create index work_item_by_category on work_item (tenant_id, category_code, deadline, id);
create index work_item_by_state on work_item (tenant_id, state, deadline, id);
create index work_item_by_light on work_item (tenant_id, light, deadline, id);
create index work_item_by_responsible on work_item (tenant_id, responsible_person_id);

-- 协办: the units that assist the lead unit
create table work_item_assist (
    tenant_id  bigint not null references tenant (id),
    item_id    bigint not null references work_item (id),
    unit_id    bigint not null references org_unit (id),
    primary key (item_id, unit_id)
);
create index work_item_assist_unit on work_item_assist (tenant_id, unit_id);

-- The lead group of a central, special or emergency item: a leader and deputies, one deputy the
-- supervisor-assessor (WORK-2)
create table work_lead_member (
    tenant_id           bigint      not null references tenant (id),
    item_id             bigint      not null references work_item (id),
    person_id           bigint      not null references person (id),
    role                varchar(10) not null check (role in ('LEADER', 'DEPUTY')),
    supervisor_assessor boolean     not null default false,
    primary key (item_id, person_id)
);
create index work_lead_member_person on work_lead_member (tenant_id, person_id);

-- Reverse scheduling (倒排工期): stages in order, each with its length in working days and its due date
create table work_stage (
    tenant_id     bigint       not null references tenant (id),
    item_id       bigint       not null references work_item (id),
    seq           int          not null,
    name          varchar(100) not null,
    working_days  int          not null check (working_days > 0),
    starts_on     date         not null,
    due_on        date         not null,
    primary key (item_id, seq)
);

-- Every deadline an item has had: the original (seq 0) and each approved extension
create table work_deadline (
    tenant_id    bigint       not null references tenant (id),
    item_id      bigint       not null references work_item (id),
    seq          int          not null,
    deadline     date         not null,
    reason       varchar(1000),
    decided_by   varchar(50)  not null,
    decided_at   timestamptz  not null,
    primary key (item_id, seq)
);

-- Work plan and risk assessment (and later attachments); the newest of a kind counts
create table work_document (
    id            bigint generated always as identity primary key,
    tenant_id     bigint        not null references tenant (id),
    item_id       bigint        not null references work_item (id),
    kind          varchar(30)   not null,
    body          varchar(8000) not null,
    submitted_by  varchar(50)   not null,
    submitted_at  timestamptz   not null
);
create index work_document_item on work_document (tenant_id, item_id);

-- The reward/penalty result (奖惩结果) and each responsible person's proposed points; the scoring
-- module takes them from the WorkItemClosedOut event
create table work_reward_result (
    id            bigint generated always as identity primary key,
    tenant_id     bigint        not null references tenant (id),
    item_id       bigint        not null references work_item (id),
    summary       varchar(4000) not null,
    submitted_by  varchar(50)   not null,
    submitted_at  timestamptz   not null
);
create index work_reward_result_item on work_reward_result (tenant_id, item_id);

create table work_reward_points (
    tenant_id   bigint        not null references tenant (id),
    result_id   bigint        not null references work_reward_result (id),
    person_id   bigint        not null references person (id),
    points      numeric(6, 2) not null,
    primary key (result_id, person_id)
);

-- The item's ledger (台账), in time order: every transition, report, query and answer, supervision
-- opinion, document and close-out. Append-only like the journal.
create table work_ledger_entry (
    id               bigint generated always as identity primary key,
    tenant_id        bigint        not null references tenant (id),
    item_id          bigint        not null references work_item (id),
    occurred_at      timestamptz   not null,
    kind             varchar(30)   not null,
    actor_name       varchar(50)   not null,
    actor_person_id  bigint references person (id),
    state_after      varchar(30)   not null,
    body             varchar(8000),
    percent          int,
    deadline         date,
    measures         varchar(4000),
    reply_to         bigint references work_ledger_entry (id)
);
create index work_ledger_entry_item on work_ledger_entry (tenant_id, item_id, occurred_at, id);
create index work_ledger_entry_open_queries on work_ledger_entry (tenant_id, item_id) where kind = 'QUERY';

create trigger work_ledger_entry_no_update before update or delete on work_ledger_entry
    for each row execute function audit_entry_is_append_only();

-- Every change of an item's light, because monthly scoring counts red lights (WORK-7)
create table work_light_change (
    id          bigint generated always as identity primary key,
    tenant_id   bigint       not null references tenant (id),
    item_id     bigint       not null references work_item (id),
    changed_at  timestamptz  not null,
    from_light  varchar(10)  not null,
    to_light    varchar(10)  not null,
    reason      varchar(20)  not null,
    days_left   int          not null,
    planned     int          not null,
    progress    int          not null,
    behind      int          not null
);
create index work_light_change_item on work_light_change (tenant_id, item_id, changed_at);
create index work_light_change_time on work_light_change (tenant_id, changed_at, to_light);
