-- After a security administrator resets a password the account signs in with a temporary one and
-- must choose its own before it can do anything else.
alter table account add column password_must_change boolean not null default false;

-- The audit journal is browsed newest first, by id (keyset), filtered by these columns.
create index audit_entry_actor on audit_entry (actor_id, id desc);
create index audit_entry_action on audit_entry (action varchar_pattern_ops, id desc);
