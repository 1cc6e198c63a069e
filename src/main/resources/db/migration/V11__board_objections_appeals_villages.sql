-- An objection to a score entry during a board's notice period becomes an appeal of that score
-- (SCORE-7): the objection names the record it was handed to, the appeal the objection it came
-- from, so that the appeal's decision settles the objection and neither is decided twice.
alter table board_objection
    add column linked_module varchar(40),
    add column linked_id     varchar(80);

alter table score_appeal
    add column board_objection_id bigint references board_objection (id),
    add column board_issue_code   varchar(20);

-- Boards are posted at township and village level (BOARD-4, seed 000: 在镇、村两级设立榜示窗): each
-- entry remembers the village or community its subject belongs to, resolved when it is handed over,
-- so that the village's window shows that village's lines of every published issue.
alter table board_entry add column village_unit_id bigint references org_unit (id);
create index board_entry_village on board_entry (tenant_id, village_unit_id) where village_unit_id is not null;
