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
