-- Plan lines may be corrected after they were added (issue 3): each change keeps the line as it was
-- and as it became, who changed it, when, and the reason (required once a work item carries the line
-- or lines of the plans below serve it). Append-only, like the ledger and the journal.
create table plan_line_revision (
    id               bigint generated always as identity primary key,
    tenant_id        bigint        not null references tenant (id),
    line_id          bigint        not null references plan_line (id),
    before           jsonb         not null,
    after            jsonb         not null,
    reason           varchar(500),
    revised_by_name  varchar(50)   not null,
    revised_at       timestamptz   not null
);
create index plan_line_revision_of_line on plan_line_revision (tenant_id, line_id, id);
create trigger plan_line_revision_no_update before update or delete on plan_line_revision
    for each row execute function audit_entry_is_append_only();
