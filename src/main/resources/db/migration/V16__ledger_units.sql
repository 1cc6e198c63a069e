-- The ledger filtered by unit (LEDGER-1) shows the items the unit leads or assists (牵头/协办). As
-- "lead_unit_id = X or exists (an assist row)" that took most of a ledger page's database time at
-- 100,000 items; with the units of an item in one array, the unit is one GIN index condition that
-- PostgreSQL combines with the category/light/due-date index (docs/benchmarks.md). Triggers keep the
-- array right whoever writes items or assists (the application, an import, a bulk load).

alter table work_item add column unit_ids bigint[];

create function work_item_unit_ids(item bigint, lead bigint) returns bigint[] language sql stable as $$
    select array[lead] || coalesce((select array_agg(a.unit_id order by a.unit_id)
                                    from work_item_assist a where a.item_id = item and a.unit_id <> lead), '{}')
$$;

update work_item set unit_ids = work_item_unit_ids(id, lead_unit_id);
alter table work_item alter column unit_ids set not null;

create function work_item_set_unit_ids() returns trigger language plpgsql as $$
begin
    new.unit_ids := work_item_unit_ids(new.id, new.lead_unit_id);
    return new;
end $$;

create trigger work_item_unit_ids before insert or update of lead_unit_id on work_item
    for each row execute function work_item_set_unit_ids();

create function work_item_assist_changed() returns trigger language plpgsql as $$
begin
    update work_item w set unit_ids = work_item_unit_ids(w.id, w.lead_unit_id)
    where w.id = case when tg_op = 'DELETE' then old.item_id else new.item_id end;
    return null;
end $$;

create trigger work_item_assist_unit_ids after insert or update or delete on work_item_assist
    for each row execute function work_item_assist_changed();

create index work_item_by_units on work_item using gin (unit_ids);
create index work_item_by_category_light on work_item (tenant_id, category_code, light, deadline, id);
