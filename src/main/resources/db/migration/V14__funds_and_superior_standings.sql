-- FUND-1 and FUND-2: the amounts behind two consequences.
--
-- Group working funds (GROUP_FUNDS): the month's fund pool is entered by whoever generates the
-- proposals; each group's proposal keeps the pool beside its amount, so the amounts of one
-- generation can be checked to add up to it.
alter table consequence_proposal add column fund_pool_fen bigint;

-- Rise rewards (RANKING_RISE_REWARD, CLASS_RISE_REWARD): the superior's standing of the subject this
-- cycle and the cycle before — its rank (ranking rise) or its class number, 1 the best (class rise).
alter table consequence_proposal add column superior_standing int;
alter table consequence_proposal add column superior_previous int;

-- A subject's standing in the superior's (county or district) assessment of the domain a rise
-- reward names, as the leadership records it from the superior's published ranking. Nothing is
-- edited: a later entry for the same consequence, cycle and subject counts instead, the earlier
-- stays on record.
create table superior_standing (
    id               bigint generated always as identity primary key,
    tenant_id        bigint        not null references tenant (id),
    consequence_code varchar(60)   not null,
    cycle_key        varchar(20)   not null,
    subject_kind     varchar(10)   not null check (subject_kind in ('PERSON', 'GROUP', 'UNIT', 'VILLAGE')),
    subject_id       bigint        not null,
    standing         int           not null check (standing >= 1),
    reason           varchar(1000) not null,
    entered_by       varchar(100)  not null,
    entered_at       timestamptz   not null
);
create index superior_standing_cycle on superior_standing (tenant_id, consequence_code, cycle_key);
