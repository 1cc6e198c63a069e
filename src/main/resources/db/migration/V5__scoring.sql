-- Scoring and assessment (SCORE-1..7, ASSESS-1..10, RULE-1). Every table carries tenant_id and
-- every index that a list filters on leads with it.

-- RULE-1: the township's regulations, versioned with effective dates, and their articles
create table regulation (
    id              bigint generated always as identity primary key,
    tenant_id       bigint       not null references tenant (id),
    code            varchar(40)  not null,
    title           varchar(200) not null,
    version         int          not null default 1,
    effective_from  date         not null,
    effective_to    date,
    created_by      varchar(50)  not null,
    created_at      timestamptz  not null,
    constraint regulation_version unique (tenant_id, code, version),
    constraint regulation_dates check (effective_to is null or effective_to >= effective_from)
);

create table regulation_article (
    id             bigint generated always as identity primary key,
    tenant_id      bigint        not null references tenant (id),
    regulation_id  bigint        not null references regulation (id),
    number         varchar(30)   not null,
    text           varchar(2000) not null,
    constraint regulation_article_number unique (regulation_id, number)
);
create index regulation_article_tenant on regulation_article (tenant_id, regulation_id);

-- SCORE-1..6: a point added or deducted. One row per case; the persons or units it binds are
-- in score_event_subject, each of them gets the points. A correction is a new row pointing at the
-- event it corrects (corrects_id); nothing is edited in place except the state transition of a
-- proposal (PROPOSED -> CONFIRMED / REJECTED), which the journal records.
create table score_event (
    id                 bigint generated always as identity primary key,
    tenant_id          bigint        not null references tenant (id),
    method_version_id  bigint        not null references method_version (id),
    kind               varchar(12)   not null check (kind in ('ORDINARY', 'SPECIAL', 'CORRECTION')),
    item_code          varchar(40),
    item_name          varchar(200),
    points             numeric(10, 2) not null,
    occurrences        int,
    fen_per_point      bigint        not null default 0,
    fen_per_occurrence bigint,
    occurred_on        date          not null,
    reason             varchar(1000) not null,
    evidence           varchar(2000),
    article_id         bigint references regulation_article (id),
    article_text       varchar(300),
    corrects_id        bigint references score_event (id),
    appeal_id          bigint,
    state              varchar(10)   not null check (state in ('PROPOSED', 'CONFIRMED', 'REJECTED')),
    proposed_by        varchar(50)   not null,
    proposed_at        timestamptz   not null,
    decided_by         varchar(50),
    decided_at         timestamptz,
    decision_reason    varchar(1000),
    idempotency_key    varchar(80),
    constraint score_event_correction check ((kind = 'CORRECTION') = (corrects_id is not null))
);
create unique index score_event_idempotency on score_event (tenant_id, idempotency_key) where idempotency_key is not null;
create index score_event_state on score_event (tenant_id, state, proposed_at);
create index score_event_period on score_event (tenant_id, occurred_on) where state = 'CONFIRMED';
create index score_event_corrects on score_event (tenant_id, corrects_id) where corrects_id is not null;

create table score_event_subject (
    tenant_id     bigint      not null references tenant (id),
    event_id      bigint      not null references score_event (id),
    subject_kind  varchar(10) not null check (subject_kind in ('PERSON', 'GROUP', 'UNIT', 'VILLAGE')),
    subject_id    bigint      not null,
    primary key (event_id, subject_kind, subject_id)
);
create index score_event_subject_of on score_event_subject (tenant_id, subject_kind, subject_id);

-- SCORE-7: a scored person appeals a deduction within the window; the decision stays on record
create table score_appeal (
    id                  bigint generated always as identity primary key,
    tenant_id           bigint        not null references tenant (id),
    event_id            bigint        not null references score_event (id),
    person_id           bigint        not null references person (id),
    reason              varchar(1000) not null,
    filed_by            varchar(50)   not null,
    filed_at            timestamptz   not null,
    window_days         int           not null,
    window_is_default   boolean       not null,
    state               varchar(10)   not null check (state in ('FILED', 'UPHELD', 'DISMISSED')),
    decided_by          varchar(50),
    decided_at          timestamptz,
    decision_reason     varchar(1000),
    correction_id       bigint references score_event (id),
    constraint score_appeal_once unique (event_id, person_id)
);
create index score_appeal_state on score_appeal (tenant_id, state, filed_at);
create index score_appeal_person on score_appeal (tenant_id, person_id);

-- Rating sheets: one rater rates one ratee once per assessment component and cycle.
-- rater_ref is a person id, an external contact id, or an anonymous meeting ballot number.
create table rating_sheet (
    id                 bigint generated always as identity primary key,
    tenant_id          bigint        not null references tenant (id),
    method_version_id  bigint        not null references method_version (id),
    assessment_code    varchar(40)   not null,
    component_code     varchar(40)   not null,
    cycle_key          varchar(10)   not null,
    rater_kind         varchar(10)   not null check (rater_kind in ('PERSON', 'CONTACT', 'BALLOT')),
    rater_ref          varchar(40)   not null,
    rater_group        varchar(40)   not null,
    ratee_kind         varchar(10)   not null check (ratee_kind in ('PERSON', 'GROUP', 'UNIT', 'VILLAGE')),
    ratee_id           bigint        not null,
    score              numeric(6, 2) not null,
    comment            varchar(1000),
    entered_by         varchar(50)   not null,
    entered_at         timestamptz   not null,
    idempotency_key    varchar(80),
    constraint rating_sheet_once unique (tenant_id, assessment_code, component_code, cycle_key, rater_kind, rater_ref,
                                         ratee_kind, ratee_id)
);
create unique index rating_sheet_idempotency on rating_sheet (tenant_id, idempotency_key) where idempotency_key is not null;
create index rating_sheet_cycle on rating_sheet (tenant_id, assessment_code, cycle_key, ratee_kind, ratee_id);

-- What a composite needs beside the assessments: the county ranking of a domain (bonus or veto),
-- commendations, leaders' special points and corrections — each with its reason.
create table composite_input (
    id              bigint generated always as identity primary key,
    tenant_id       bigint        not null references tenant (id),
    composite_code  varchar(40)   not null,
    cycle_key       varchar(10)   not null,
    subject_kind    varchar(10)   not null check (subject_kind in ('PERSON', 'GROUP', 'UNIT', 'VILLAGE')),
    subject_id      bigint        not null,
    kind            varchar(12)   not null check (kind in ('BONUS', 'VETO', 'CORRECTION')),
    code            varchar(40),
    county_rank     int,
    points          numeric(10, 2),
    reason          varchar(1000) not null,
    entered_by      varchar(50)   not null,
    entered_at      timestamptz   not null
);
create index composite_input_cycle on composite_input (tenant_id, composite_code, cycle_key);

-- A cycle closed for rating sheets (results final)
create table assessment_cycle_closure (
    tenant_id        bigint      not null references tenant (id),
    assessment_code  varchar(40) not null,
    cycle_key        varchar(10) not null,
    closed_by        varchar(50) not null,
    closed_at        timestamptz not null,
    primary key (tenant_id, assessment_code, cycle_key)
);

-- A stored run of an assessment or composite: the ranking as it was computed, for the record
create table assessment_run (
    id                 bigint generated always as identity primary key,
    tenant_id          bigint      not null references tenant (id),
    method_version_id  bigint      not null references method_version (id),
    target_code        varchar(40) not null,
    cycle_key          varchar(10) not null,
    run_by             varchar(50) not null,
    run_at             timestamptz not null,
    results            jsonb       not null
);
create index assessment_run_target on assessment_run (tenant_id, target_code, cycle_key, run_at desc);
