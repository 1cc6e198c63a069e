-- Tenants: a county with its townships, or a county department (ORG-1)
create table tenant (
    id          bigint generated always as identity primary key,
    parent_id   bigint references tenant (id),
    kind        varchar(20)  not null check (kind in ('COUNTY', 'TOWNSHIP', 'DEPARTMENT')),
    code        varchar(40)  not null unique,
    name        varchar(100) not null,
    active      boolean      not null default true,
    created_at  timestamptz  not null default now()
);
create index tenant_parent on tenant (parent_id);

-- The org tree inside a tenant. path lists the ids from the root down to the unit itself
-- ('/3/17/42/'), so a subtree is one indexed prefix match.
create table org_unit (
    id          bigint generated always as identity primary key,
    tenant_id   bigint       not null references tenant (id),
    parent_id   bigint references org_unit (id),
    path        varchar(500) not null,
    kind        varchar(30)  not null,
    code        varchar(40)  not null,
    name        varchar(100) not null,
    sort_order  int          not null default 0,
    active      boolean      not null default true,
    version     int          not null default 0,
    constraint org_unit_code unique (tenant_id, code)
);
create index org_unit_path on org_unit (tenant_id, path varchar_pattern_ops);
create index org_unit_parent on org_unit (parent_id);

-- People who hold positions (ORG-2). External raters are contacts, not people (see below).
create table person (
    id                bigint generated always as identity primary key,
    tenant_id         bigint       not null references tenant (id),
    unit_id           bigint       not null references org_unit (id),
    code              varchar(40)  not null,
    name              varchar(50)  not null,
    gender            varchar(10),
    position          varchar(40)  not null,
    title             varchar(100),
    rank              varchar(30)  not null default 'NONE',
    phone             varchar(30),
    backup_person_id  bigint references person (id),
    active            boolean      not null default true,
    version           int          not null default 0,
    constraint person_code unique (tenant_id, code),
    constraint person_backup_not_self check (backup_person_id is null or backup_person_id <> id)
);
create index person_unit on person (tenant_id, unit_id);

-- Groups and command groups: one leader, deputies, members (ORG-3)
create table group_membership (
    id          bigint generated always as identity primary key,
    tenant_id   bigint      not null references tenant (id),
    unit_id     bigint      not null references org_unit (id),
    person_id   bigint      not null references person (id),
    role        varchar(10) not null check (role in ('LEADER', 'DEPUTY', 'MEMBER')),
    basis       varchar(30) not null default 'APPOINTED',
    basis_note  varchar(300),
    term_end    date,
    active      boolean     not null default true,
    created_at  timestamptz not null default now()
);
create unique index group_one_leader on group_membership (unit_id) where role = 'LEADER' and active;
create unique index group_membership_once on group_membership (unit_id, person_id) where active;
create index group_membership_person on group_membership (tenant_id, person_id);

-- External raters known to the system without being staff (ORG-2): residents, deputies, ...
create table external_contact (
    id            bigint generated always as identity primary key,
    tenant_id     bigint       not null references tenant (id),
    unit_id       bigint       not null references org_unit (id),
    kind          varchar(20)  not null check (kind in ('RESIDENT', 'NPC_DEPUTY', 'CPPCC_MEMBER', 'BUSINESS_HEAD')),
    name          varchar(50)  not null,
    organisation  varchar(100),
    phone         varchar(30),
    active        boolean      not null default true
);
create index external_contact_unit on external_contact (tenant_id, unit_id);

-- Accounts: who signs in, with which roles and which part of the tree
create table account (
    id                   bigint generated always as identity primary key,
    tenant_id            bigint       not null references tenant (id),
    username             varchar(50)  not null unique,
    display_name         varchar(50)  not null,
    password_hash        varchar(200) not null,
    person_id            bigint references person (id),
    roles                varchar(200) not null,
    scope_unit_id        bigint references org_unit (id),
    enabled              boolean      not null default true,
    failed_attempts      int          not null default 0,
    locked_until         timestamptz,
    password_changed_at  timestamptz  not null default now(),
    created_at           timestamptz  not null default now()
);

-- The audit journal: append-only. The product has no way to change or remove an entry, and the
-- database refuses it too.
create table audit_entry (
    id              bigint generated always as identity primary key,
    tenant_id       bigint,
    occurred_at     timestamptz  not null,
    actor_id        bigint,
    actor_name      varchar(50)  not null,
    action          varchar(40)  not null,
    entity_type     varchar(40)  not null,
    entity_id       varchar(40),
    summary         varchar(300) not null,
    before_state    jsonb,
    after_state     jsonb,
    reason          varchar(500)
);
create index audit_entry_tenant_time on audit_entry (tenant_id, occurred_at desc);
create index audit_entry_entity on audit_entry (entity_type, entity_id);

create function audit_entry_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_entry is append-only';
end $$;
create trigger audit_entry_no_update before update or delete on audit_entry
    for each row execute function audit_entry_is_append_only();
create trigger audit_entry_no_truncate before truncate on audit_entry
    for each statement execute function audit_entry_is_append_only();

-- Method definitions: each tenant's versions, each a full YAML document (presets are on the classpath)
create table method_version (
    id               bigint generated always as identity primary key,
    tenant_id        bigint       not null references tenant (id),
    code             varchar(40)  not null,
    version          int          not null,
    name             varchar(100) not null,
    preset           varchar(40),
    based_on_id      bigint references method_version (id),
    definition_yaml  text         not null,
    status           varchar(12)  not null check (status in ('DRAFT', 'ADOPTED', 'SUPERSEDED')),
    note             varchar(500),
    created_by       varchar(50)  not null,
    created_at       timestamptz  not null,
    adopted_at       timestamptz,
    constraint method_version_number unique (tenant_id, code, version)
);
create unique index method_one_adopted on method_version (tenant_id) where status = 'ADOPTED';

-- The approval basis a tenant recorded for a practice the central rules restrict (POLICY.md)
create table compliance_approval (
    id               bigint generated always as identity primary key,
    tenant_id        bigint       not null references tenant (id),
    flag_code        varchar(60)  not null,
    document_number  varchar(100) not null,
    approving_body   varchar(100) not null,
    approved_on      date         not null,
    recorded_by      varchar(50)  not null,
    recorded_at      timestamptz  not null,
    active           boolean      not null default true
);
create unique index compliance_approval_once on compliance_approval (tenant_id, flag_code) where active;
