-- Consequences of an assessment cycle as stored proposals (ASSESS-11, FUND-1, FUND-2): the
-- discipline office or the leadership generates them from a computed ranking, the leadership
-- confirms or rejects each with a reason. A regeneration marks the pending ones SUPERSEDED (kept,
-- visible) and is refused while any of the cycle's proposals of that consequence is confirmed.
create table consequence_proposal (
    id                bigint generated always as identity primary key,
    tenant_id         bigint        not null references tenant (id),
    method_version_id bigint        not null,
    consequence_code  varchar(60)   not null,
    consequence_name  varchar(200)  not null,
    kind              varchar(30)   not null,
    target_code       varchar(60),
    cycle_key         varchar(20)   not null,
    -- the month of a bonus deduction (BONUS_LINK), inside the cycle
    month_key         varchar(7),
    subject_kind      varchar(10)   not null,
    subject_id        bigint        not null,
    subject_name      varchar(200)  not null,
    rank              int,
    score             numeric(12, 2),
    share_percent     numeric(7, 2),
    -- a reward (positive) or a bonus deduction (negative), in fen
    amount_fen        bigint,
    amount_is_minimum boolean       not null default false,
    state             varchar(12)   not null check (state in ('PROPOSED', 'CONFIRMED', 'REJECTED', 'SUPERSEDED')),
    generated_by      varchar(100)  not null,
    generated_at      timestamptz   not null,
    decided_by        varchar(100),
    decided_at        timestamptz,
    decision_reason   varchar(1000),
    superseded_at     timestamptz,
    constraint consequence_proposal_decided check (state in ('PROPOSED', 'SUPERSEDED')
        or (decided_by is not null and decided_at is not null and decision_reason is not null))
);
create index consequence_proposal_cycle on consequence_proposal (tenant_id, cycle_key, consequence_code, state);
-- one live proposal per consequence, cycle, month and subject
create unique index consequence_proposal_live on consequence_proposal
    (tenant_id, consequence_code, cycle_key, coalesce(month_key, ''), subject_kind, subject_id)
    where state in ('PROPOSED', 'CONFIRMED');
