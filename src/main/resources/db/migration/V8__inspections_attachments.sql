-- Site inspections (现场查看, LEDGER-5), attachments of ledger lines, quarterly stage evaluations
-- (LEDGER-6). All rows belong to a tenant and an item; like the ledger they are never changed.

-- A site inspection of an item (a project) on a date by named inspectors: text and figures.
create table work_inspection (
    id               bigint generated always as identity primary key,
    tenant_id        bigint        not null references tenant (id),
    item_id          bigint        not null references work_item (id),
    ledger_entry_id  bigint        not null references work_ledger_entry (id),
    inspected_on     date          not null,
    body             varchar(8000) not null,
    recorded_by      varchar(50)   not null,
    recorded_at      timestamptz   not null
);
-- the comparison looks for the latest inspection on or before a date
create index work_inspection_item on work_inspection (tenant_id, item_id, inspected_on, id);

create table work_inspection_inspector (
    tenant_id      bigint not null references tenant (id),
    inspection_id  bigint not null references work_inspection (id),
    person_id      bigint not null references person (id),
    primary key (inspection_id, person_id)
);

-- 数据: a few named measures (形象进度 %, 完成投资 万元, ...); compared by name across inspections
create table work_inspection_figure (
    tenant_id      bigint         not null references tenant (id),
    inspection_id  bigint         not null references work_inspection (id),
    seq            int            not null,
    name           varchar(50)    not null,
    value          numeric(16, 2) not null,
    unit           varchar(20),
    primary key (inspection_id, seq),
    unique (inspection_id, name)
);

-- A file attached to a ledger line (report, answer, close-out evidence, inspection photo). The content
-- type is what the bytes are, never what the browser said.
create table work_attachment (
    id                     bigint generated always as identity primary key,
    tenant_id              bigint        not null references tenant (id),
    item_id                bigint        not null references work_item (id),
    ledger_entry_id        bigint        not null references work_ledger_entry (id),
    photo                  boolean       not null,
    file_name              varchar(255)  not null,
    content_type           varchar(100)  not null,
    size_bytes             bigint        not null check (size_bytes > 0),
    sha256                 char(64)      not null,
    content                bytea         not null,
    uploaded_by            varchar(50)   not null,
    uploaded_by_person_id  bigint references person (id),
    uploaded_at            timestamptz   not null
);
create index work_attachment_item on work_attachment (tenant_id, item_id, ledger_entry_id);

create function work_row_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception '% rows are never changed or removed', tg_table_name;
end $$;
create trigger work_attachment_no_update before update or delete on work_attachment
    for each row execute function work_row_is_append_only();
create trigger work_inspection_no_update before update or delete on work_inspection
    for each row execute function work_row_is_append_only();

-- The supervision group's quarterly stage evaluation of an item (阶段性评估): a rating and a remark,
-- one per item and quarter.
create table work_stage_evaluation (
    id               bigint generated always as identity primary key,
    tenant_id        bigint        not null references tenant (id),
    item_id          bigint        not null references work_item (id),
    ledger_entry_id  bigint        not null references work_ledger_entry (id),
    year             int           not null,
    quarter          int           not null check (quarter between 1 and 4),
    rating           varchar(20)   not null,
    remark           varchar(2000) not null,
    evaluated_by     varchar(50)   not null,
    evaluated_at     timestamptz   not null,
    unique (tenant_id, item_id, year, quarter)
);
create index work_stage_evaluation_quarter on work_stage_evaluation (tenant_id, year, quarter);

-- The monthly round reads opinions of a month across the tenant
create index work_ledger_entry_by_kind on work_ledger_entry (tenant_id, kind, occurred_at);
