-- The number an item carries in the township's own Excel ledger (台账编号), kept when a ledger is
-- imported and written back on export. Unique within a tenant so that importing the same file twice
-- is refused instead of doubling the ledger.
alter table work_item add column ledger_code varchar(40);
create unique index work_item_ledger_code on work_item (tenant_id, ledger_code) where ledger_code is not null;
