-- Benchmark data: the demo township (tenant demo-town, wusi preset) grown to a county-sized
-- tenant: 5,000 active people in 100 more units, 500,000 confirmed score events in 2026 (with
-- their score_event_subject rows) and 100,000 rating sheets. Run once on a database the app has
-- migrated and seeded (bench/scoring.sh does that). Deterministic: no random(), only hashes of ids.
\set ON_ERROR_STOP on
begin;

create temp table b on commit drop as
select t.id as tenant_id,
       (select id from method_version m where m.tenant_id = t.id and m.status = 'ADOPTED') as mv,
       (select id from org_unit u where u.tenant_id = t.id and u.kind = 'TOWNSHIP') as root,
       (select path from org_unit u where u.tenant_id = t.id and u.kind = 'TOWNSHIP') as root_path
from tenant t where t.code = 'demo-town';

-- 40 offices and 60 villages more
insert into org_unit (tenant_id, parent_id, path, kind, code, name, sort_order)
select b.tenant_id, b.root, b.root_path, case when g <= 40 then 'OFFICE' else 'VILLAGE' end, 'BENCH-U' || g,
       case when g <= 40 then '测试办公室' || g else '测试村' || g end, 100 + g
from b, generate_series(1, 100) g;
update org_unit u set path = b.root_path || u.id || '/' from b where u.tenant_id = b.tenant_id and u.code like 'BENCH-U%';

-- people up to 5,000 active, spread over the new units
insert into person (tenant_id, unit_id, code, name, gender, position, title, rank)
select b.tenant_id, u.id, 'BENCH-P' || g, '测试人员' || g, case when g % 2 = 0 then '男' else '女' end,
       'STAFF', '干部', 'CLERK'
from b, generate_series(1, 5000 - (select count(*) from person p, b where p.tenant_id = b.tenant_id and p.active)) g
join org_unit u on u.code = 'BENCH-U' || (1 + g % 100)
where u.tenant_id = b.tenant_id;

create temp table ppl on commit drop as
select row_number() over (order by p.id) - 1 as rn, p.id from person p, b where p.tenant_id = b.tenant_id and p.active;
create temp table unt on commit drop as  -- UNIT subjects: OFFICE, TOWN_UNIT, STATIONED_UNIT
select row_number() over (order by u.id) - 1 as rn, u.id from org_unit u, b
where u.tenant_id = b.tenant_id and u.kind in ('OFFICE', 'TOWN_UNIT', 'STATIONED_UNIT');
create temp table vil on commit drop as  -- VILLAGE subjects: VILLAGE, COMMUNITY
select row_number() over (order by u.id) - 1 as rn, u.id from org_unit u, b
where u.tenant_id = b.tenant_id and u.kind in ('VILLAGE', 'COMMUNITY');
create unique index on ppl (rn); create unique index on unt (rn); create unique index on vil (rn);

-- 495,000 ordinary events over 2026 (every 50th a leader's SPECIAL one), points -10..+10, never 0
create temp table items on commit drop as
select row_number() over () - 1 as rn, code, name from (values
  ('task', '工作任务完成情况'), ('meeting-discipline', '会风会纪'), ('duty', '值班'), ('attendance', '考勤'),
  ('leave', '请假'), ('conduct', '作风建设'), ('information', '信息反馈和报告情况'), ('environment', '发展环境'),
  ('unity', '团结和执行力'), ('collective', '集体活动'), ('study', '学习情况'), ('covering-up', '包庇、弄虚作假')) v(code, name);
insert into score_event (tenant_id, method_version_id, kind, item_code, item_name, points, fen_per_point, occurred_on,
                         reason, state, proposed_by, proposed_at, decided_by, decided_at)
select b.tenant_id, b.mv, case when g % 50 = 0 then 'SPECIAL' else 'ORDINARY' end, i.code, i.name,
       case when i.code = 'covering-up' or (g * 7) % 3 = 0 then -(1 + (g * 13) % 10) else 1 + (g * 13) % 10 end,
       2000, date '2026-01-01' + (g % 365), '测试事由 ' || g, 'CONFIRMED', 'jiwei',
       (date '2026-01-01' + (g % 365))::timestamp at time zone 'Asia/Shanghai' + interval '10 hours', 'zhenzhang',
       (date '2026-01-01' + (g % 365))::timestamp at time zone 'Asia/Shanghai' + interval '11 hours'
from b, generate_series(1, 495000) g join items i on i.rn = g % 12;

-- subjects: 1 in 10 events binds a unit, the others a person; some task items (about 1,400) a second person too
insert into score_event_subject (tenant_id, event_id, subject_kind, subject_id)
select e.tenant_id, e.id, 'UNIT', u.id from score_event e join b on e.tenant_id = b.tenant_id
join unt u on u.rn = (e.id * 7919) % (select count(*) from unt) where e.id % 10 = 0;
insert into score_event_subject (tenant_id, event_id, subject_kind, subject_id)
select e.tenant_id, e.id, 'PERSON', p.id from score_event e join b on e.tenant_id = b.tenant_id
join ppl p on p.rn = (e.id * 7919) % 5000 where e.id % 10 <> 0;
insert into score_event_subject (tenant_id, event_id, subject_kind, subject_id)
select e.tenant_id, e.id, 'PERSON', p.id from score_event e join b on e.tenant_id = b.tenant_id
join ppl p on p.rn = (e.id * 7919 + 1) % 5000 where e.id % 10 <> 0 and e.item_code = 'task' and e.id % 24 = 0;

-- 5,000 corrections (every 99th event; 0 annuls or halves), binding the same subjects: 500,000 events in all
insert into score_event (tenant_id, method_version_id, kind, item_code, item_name, points, fen_per_point, occurred_on,
                         reason, corrects_id, state, proposed_by, proposed_at, decided_by, decided_at)
select e.tenant_id, e.method_version_id, 'CORRECTION', e.item_code, e.item_name,
       case when e.id % 2 = 0 then 0 else round(e.points / 2, 2) end, e.fen_per_point, e.occurred_on,
       '测试更正 ' || e.id, e.id, 'CONFIRMED', 'shuji', e.decided_at + interval '1 day', 'shuji',
       e.decided_at + interval '1 day'
from score_event e join b on e.tenant_id = b.tenant_id where e.kind <> 'CORRECTION' and e.id % 99 = 0 limit 5000;
insert into score_event_subject (tenant_id, event_id, subject_kind, subject_id)
select c.tenant_id, c.id, s.subject_kind, s.subject_id from score_event c join b on c.tenant_id = b.tenant_id
join score_event_subject s on s.event_id = c.corrects_id where c.kind = 'CORRECTION';

-- 100,000 rating sheets
-- monthly/draw: each month 5 persons, 5 units, 5 villages drawn, rated by 250 meeting ballots: 45,000
insert into rating_sheet (tenant_id, method_version_id, assessment_code, component_code, cycle_key, rater_kind,
                          rater_ref, rater_group, ratee_kind, ratee_id, score, entered_by, entered_at)
select b.tenant_id, b.mv, 'monthly', 'draw', '2026-' || lpad(m::text, 2, '0'), 'BALLOT', 'M' || m || '-' || r,
       'attendees', k.kind,
       case k.kind when 'PERSON' then (select id from ppl where rn = (m * 997 + d * 311) % 5000)
                   when 'UNIT' then (select id from unt where rn = (m * 5 + d) % (select count(*) from unt))
                   else (select id from vil where rn = (m * 5 + d) % (select count(*) from vil)) end,
       60 + ((m * 31 + d * 17 + r * 7) % 4001) / 100.0, 'zuzhang', now()
from b, generate_series(1, 12) m, (values ('PERSON'), ('UNIT'), ('VILLAGE')) k(kind), generate_series(0, 4) d,
     generate_series(1, 250) r;
-- backpack/survey: each quarter 2,500 persons, 3 sampled service recipients (contacts) each: 30,000
insert into rating_sheet (tenant_id, method_version_id, assessment_code, component_code, cycle_key, rater_kind,
                          rater_ref, rater_group, ratee_kind, ratee_id, score, entered_by, entered_at)
select b.tenant_id, b.mv, 'backpack', 'survey', '2026-Q' || q, 'CONTACT', c.id::text, 'recipients', 'PERSON', p.id,
       60 + ((p.id * 13 + q * 7 + j * 3) % 4001) / 100.0, 'zuzhang', now()
from b, generate_series(1, 4) q, generate_series(0, 2) j,
     ppl p, lateral (select id from external_contact x where x.tenant_id = b.tenant_id order by id
                     offset (p.rn + j * 3) % (select count(*) from external_contact x2 where x2.tenant_id = b.tenant_id)
                     limit 1) c
where (p.rn + q) % 2 = 0;
-- ordinary/evaluation: each half-year every person by one leader (not himself) and one head's ballot;
-- the year by one representatives' ballot: 25,000
insert into rating_sheet (tenant_id, method_version_id, assessment_code, component_code, cycle_key, rater_kind,
                          rater_ref, rater_group, ratee_kind, ratee_id, score, entered_by, entered_at)
select b.tenant_id, b.mv, 'ordinary', 'evaluation', '2026-H' || h, 'PERSON',
       (select id from ppl where rn = (case when p.rn < 9 then (p.rn + 1) % 9 else p.rn % 9 end))::text,
       'leadership', 'PERSON', p.id, 60 + ((p.id * 11 + h) % 4001) / 100.0, 'zuzhang', now()
from b, generate_series(1, 2) h, ppl p;
insert into rating_sheet (tenant_id, method_version_id, assessment_code, component_code, cycle_key, rater_kind,
                          rater_ref, rater_group, ratee_kind, ratee_id, score, entered_by, entered_at)
select b.tenant_id, b.mv, 'ordinary', 'evaluation', '2026-H' || h, 'BALLOT', 'H' || h || '-' || p.rn, 'heads',
       'PERSON', p.id, 60 + ((p.id * 17 + h) % 4001) / 100.0, 'zuzhang', now()
from b, generate_series(1, 2) h, ppl p;
insert into rating_sheet (tenant_id, method_version_id, assessment_code, component_code, cycle_key, rater_kind,
                          rater_ref, rater_group, ratee_kind, ratee_id, score, entered_by, entered_at)
select b.tenant_id, b.mv, 'ordinary', 'evaluation', '2026', 'BALLOT', 'R-' || p.rn, 'representatives',
       'PERSON', p.id, 60 + ((p.id * 19) % 4001) / 100.0, 'zuzhang', now()
from b, ppl p;

commit;
vacuum analyze org_unit, person, score_event, score_event_subject, rating_sheet;

select (select count(*) from person p join tenant t on t.id = p.tenant_id where t.code = 'demo-town' and p.active) as people,
       (select count(*) from score_event) as events, (select count(*) from score_event_subject) as event_subjects,
       (select count(*) from rating_sheet) as sheets;
