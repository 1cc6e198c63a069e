-- Plans and goals (WORK-3, WORK-4, WORK-5, WORK-8): the plan cascade with its measurable targets,
-- month-start commitments, responsibility letters acknowledged level by level, research topics.

-- A plan: the township's annual plan, a group's annual or monthly plan, a member's monthly plan.
create table plan (
    id                    bigint generated always as identity primary key,
    tenant_id             bigint        not null references tenant (id),
    level                 varchar(20)   not null,
    year                  int           not null check (year between 2000 and 2100),
    month                 int           check (month between 1 and 12),
    unit_id               bigint        not null references org_unit (id),
    person_id             bigint        references person (id),
    title                 varchar(200)  not null,
    created_by_name       varchar(50)   not null,
    created_at            timestamptz   not null,
    constraint plan_month_of_monthly check ((level in ('GROUP_MONTHLY', 'MEMBER_MONTHLY')) = (month is not null)),
    constraint plan_person_of_member check ((level = 'MEMBER_MONTHLY') = (person_id is not null))
);
create unique index plan_once on plan (tenant_id, level, year, coalesce(month, 0), unit_id, coalesce(person_id, 0));

-- A line of a plan, a measurable target (任务书/时间表): it may serve a line of the plan above and
-- may be carried out as a work item, so that the fact is typed once.
create table plan_line (
    id                     bigint generated always as identity primary key,
    tenant_id              bigint        not null references tenant (id),
    plan_id                bigint        not null references plan (id),
    seq                    int           not null,
    content                varchar(500)  not null,
    standard               varchar(1000) not null,
    deadline               date          not null,
    responsible_unit_id    bigint        not null references org_unit (id),
    responsible_person_id  bigint        not null references person (id),
    supervising_leader_id  bigint        references person (id),
    serves_line_id         bigint        references plan_line (id),
    work_item_id           bigint        references work_item (id),
    created_at             timestamptz   not null
);
create index plan_line_of_plan on plan_line (plan_id, seq);
create index plan_line_serves on plan_line (serves_line_id);

-- Month-start commitments (月初晒承诺): a member's list for one month, submitted once.
create table commitment_month (
    id             bigint generated always as identity primary key,
    tenant_id      bigint        not null references tenant (id),
    person_id      bigint        not null references person (id),
    year           int           not null,
    month          int           not null check (month between 1 and 12),
    submitted_at   timestamptz,
    unique (tenant_id, person_id, year, month)
);

create table commitment (
    id              bigint generated always as identity primary key,
    tenant_id       bigint        not null references tenant (id),
    month_id        bigint        not null references commitment_month (id),
    kind            varchar(10)   not null check (kind in ('FIXED', 'DYNAMIC')),
    text            varchar(500)  not null,
    outcome         varchar(10)   check (outcome in ('DONE', 'NOT_DONE')),
    outcome_remark  varchar(500),
    outcome_by      varchar(50),
    outcome_at      timestamptz,
    created_at      timestamptz   not null
);
create index commitment_of_month on commitment (month_id, id);

-- Responsibility letters (目标责任书): issued to one person, acknowledged by that person only.
create table responsibility_letter (
    id                    bigint generated always as identity primary key,
    tenant_id             bigint        not null references tenant (id),
    year                  int           not null,
    title                 varchar(200)  not null,
    body                  varchar(8000) not null,
    issuer_person_id      bigint        references person (id),
    issuer_name           varchar(50)   not null,
    addressee_person_id   bigint        not null references person (id),
    parent_letter_id      bigint        references responsibility_letter (id),
    issued_at             timestamptz   not null,
    acknowledged_at       timestamptz,
    acknowledged_by       varchar(50),
    unique (tenant_id, year, title, addressee_person_id)
);
create index responsibility_letter_addressee on responsibility_letter (tenant_id, addressee_person_id);

-- Research topics (课题化): proposed, reviewed, consulted on, compiled into the year's key points.
create table research_topic (
    id                  bigint generated always as identity primary key,
    tenant_id           bigint        not null references tenant (id),
    year                int           not null,
    kind                varchar(20)   not null check (kind in ('ROUTINE', 'KEY', 'DISTINCTIVE')),
    title               varchar(200)  not null,
    survey              varchar(4000) not null,
    proposal            varchar(8000) not null,
    state               varchar(20)   not null,
    proposer_person_id  bigint        references person (id),
    proposer_name       varchar(50)   not null,
    review_note         varchar(2000),
    reviewed_by         varchar(50),
    created_at          timestamptz   not null,
    updated_at          timestamptz   not null,
    version             int           not null default 0
);
create index research_topic_year on research_topic (tenant_id, year);

create table research_topic_comment (
    id              bigint generated always as identity primary key,
    tenant_id       bigint        not null references tenant (id),
    topic_id        bigint        not null references research_topic (id),
    commenter_name  varchar(50)   not null,
    commenter_role  varchar(100)  not null,
    text            varchar(4000) not null,
    recorded_by     varchar(50)   not null,
    created_at      timestamptz   not null
);
create index research_topic_comment_of on research_topic_comment (topic_id, id);
