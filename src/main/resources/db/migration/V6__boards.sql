-- Boards (榜示, BOARD-1 to BOARD-6). An issue is one publication of one board of the tenant's
-- method for one period. Its entries are handed over by other modules (never typed on a board
-- page) and name a subject by name and post only: there is no column for an ID or phone number.
-- A published issue is sealed: its canonical content is hashed with SM3 into the tenant's chain
-- (chain_seq, previous_hash, content_hash) and the database refuses any later change to it.
create table board_issue (
    id                 bigint generated always as identity primary key,
    tenant_id          bigint       not null references tenant (id),
    code               varchar(20)  not null unique,
    board_code         varchar(40)  not null,
    board_name         varchar(100) not null,
    board_kind         varchar(20)  not null,
    visibility         varchar(20)  not null check (visibility in ('PUBLIC', 'INTERNAL')),
    -- compliance flags that must be effective before a PUBLIC issue is shown publicly (comma-separated)
    public_requires    varchar(300) not null default '',
    notice_days        int          not null check (notice_days >= 0),
    retention_days     int          check (retention_days is null or retention_days > 0),
    period             varchar(20)  not null,
    status             varchar(20)  not null check (status in ('DRAFT', 'IN_REVIEW', 'NOTICE', 'PUBLISHED')),
    corrects_issue_id  bigint references board_issue (id),
    correction_reason  varchar(500),
    created_by         varchar(100) not null,
    created_at         timestamptz  not null,
    submitted_by       varchar(100),
    submitted_at       timestamptz,
    reviewed_by        varchar(100),
    notice_starts_at   timestamptz,
    notice_ends_at     timestamptz,
    published_by       varchar(100),
    published_at       timestamptz,
    chain_seq          int,
    previous_hash      char(64),
    content_hash       char(64),
    version            int          not null default 0,
    constraint board_issue_correction check (corrects_issue_id is null or correction_reason is not null),
    constraint board_issue_sealed check (status <> 'PUBLISHED'
        or (chain_seq is not null and previous_hash is not null and content_hash is not null and published_at is not null)),
    constraint board_issue_chain unique (tenant_id, chain_seq)
);
create index board_issue_tenant on board_issue (tenant_id, status, published_at desc);
create index board_issue_corrects on board_issue (tenant_id, corrects_issue_id);
-- entries handed over for the same board and period gather in one open draft
create unique index board_issue_one_draft on board_issue (tenant_id, board_code, period)
    where status = 'DRAFT' and corrects_issue_id is null;

create table board_entry (
    id               bigint generated always as identity primary key,
    tenant_id        bigint        not null references tenant (id),
    issue_id         bigint        not null references board_issue (id),
    position         int           not null,
    subject_kind     varchar(10)   not null check (subject_kind in ('PERSON', 'UNIT')),
    subject_name     varchar(100)  not null,
    subject_post     varchar(100),
    fact             varchar(1000) not null,
    points           numeric(8, 2),
    amount_fen       bigint,
    source_module    varchar(40)   not null,
    source_id        varchar(80)   not null,
    -- who may object during the notice period; internal, never published
    person_id        bigint references person (id),
    withdrawn        boolean       not null default false,
    withdrawn_reason varchar(500),
    withdrawn_by     varchar(100),
    constraint board_entry_position unique (issue_id, position)
);
-- one live entry per source record in an issue (a correction may replace a copied one)
create unique index board_entry_source on board_entry (issue_id, source_module, source_id) where not withdrawn;
create index board_entry_issue on board_entry (tenant_id, issue_id);
create index board_entry_person on board_entry (tenant_id, person_id);

-- Objections of the people named during the notice period; an open one blocks publication.
create table board_objection (
    id           bigint generated always as identity primary key,
    tenant_id    bigint        not null references tenant (id),
    issue_id     bigint        not null references board_issue (id),
    entry_id     bigint        not null references board_entry (id),
    person_id    bigint        references person (id),
    raised_by    varchar(100)  not null,
    text         varchar(1000) not null,
    raised_at    timestamptz   not null,
    status       varchar(10)   not null default 'OPEN' check (status in ('OPEN', 'UPHELD', 'DISMISSED')),
    resolution   varchar(1000),
    resolved_by  varchar(100),
    resolved_at  timestamptz,
    constraint board_objection_resolved check (status = 'OPEN' or resolution is not null)
);
create index board_objection_issue on board_objection (tenant_id, issue_id);

-- Nothing is edited in place after sealing: the database refuses changes to a published issue,
-- its entries and its objections.
create function board_refuse_sealed_change() returns trigger language plpgsql as $$
declare
    sealed boolean;
begin
    if tg_table_name = 'board_issue' then
        sealed := old.status = 'PUBLISHED';
    else
        select i.status = 'PUBLISHED' into sealed from board_issue i where i.id = old.issue_id;
    end if;
    if sealed then
        raise exception 'a published board issue is sealed and cannot be changed (%)', tg_table_name
            using errcode = 'P0001';
    end if;
    if tg_op = 'DELETE' then
        return old;
    end if;
    return new;
end;
$$;

create trigger board_issue_sealed before update or delete on board_issue
    for each row execute function board_refuse_sealed_change();
create trigger board_entry_sealed before update or delete on board_entry
    for each row execute function board_refuse_sealed_change();
create trigger board_objection_sealed before update or delete on board_objection
    for each row execute function board_refuse_sealed_change();
