-- Benchmark data: a province of township tenants on the wusi preset (issue 4, Speed, second
-- target). Defaults: 40 counties × 10 townships = 400 township tenants of 500 people each
-- (200,000 people) and 50,000 confirmed score events each (20,000,000: 99% ORDINARY/SPECIAL,
-- 1% CORRECTIONs) over 2026, and rating sheets in the county benchmark's proportion (20 a
-- person: 10,000 a township, 4,000,000). Run once on a database the app has migrated and seeded
-- (bench/scoring-province.sh does that): it copies the demo township's adopted wusi method.
--
-- Set-based and deterministic (no random(), only arithmetic on the row numbers). Ids are given
-- explicitly (overriding the identity columns, whose sequences are moved on afterwards), so a
-- subject is found by arithmetic instead of a join. Events are stored in date order with the
-- tenants interleaved, as they arrive in a live system: one tenant's events are spread over the
-- whole table, not clustered.
--
-- Loading speed: the foreign-key triggers are off during the load (session_replication_role =
-- replica; every reference is built consistent), and the secondary indexes and the unique
-- constraint of the three big tables are dropped first and re-created afterwards with their
-- definitions as the migrations made them (read from the catalogue). Then vacuum analyze.
\set ON_ERROR_STOP on
\pset pager off
\timing on
\if :{?counties} \else \set counties 40 \endif
\if :{?towns} \else \set towns 10 \endif
\if :{?people} \else \set people 500 \endif
\if :{?events} \else \set events 50000 \endif
\set ballots 25
\set contacts 60

set session_replication_role = replica;
set maintenance_work_mem = '1GB';
set work_mem = '256MB';

-- bases of the explicit ids; T = townships, P = people a township, U = 28 units a township,
-- EO = ordinary events a township (E less the 1% corrections), C = corrections a township
select :counties * :towns as t_count,
       :events - :events / 100 as eo, :events / 100 as corr, (:events - :events / 100) / (:events / 100) as step,
       (select coalesce(max(id), 0) + 1 from tenant) as tbase,
       (select coalesce(max(id), 0) + 1 from method_version) as mvbase,
       (select coalesce(max(id), 0) + 1 from org_unit) as ubase,
       (select coalesce(max(id), 0) + 1 from person) as pbase,
       (select coalesce(max(id), 0) + 1 from external_contact) as cbase,
       (select coalesce(max(id), 0) + 1 from score_event) as ebase
\gset
select :t_count * :eo as n_ord \gset
\echo townships :t_count, people :people each, events :events each (:eo ordinary, :corr corrections)

-- ------------------------------------------------------------------ secondary indexes off
create temp table saved_index as
select c.relname as tab, i.indexrelid::regclass::text as name, pg_get_indexdef(i.indexrelid) as def
from pg_index i join pg_class c on c.oid = i.indrelid
where c.relname in ('score_event', 'score_event_subject', 'rating_sheet')
  and not exists (select 1 from pg_constraint k where k.conindid = i.indexrelid);
create temp table saved_constraint as
select k.conrelid::regclass::text as tab, k.conname as name, pg_get_constraintdef(k.oid) as def
from pg_constraint k
where k.conrelid::regclass::text in ('score_event', 'score_event_subject', 'rating_sheet') and k.contype = 'u';
select 'drop index ' || name from saved_index \gexec
select 'alter table ' || tab || ' drop constraint ' || name from saved_constraint \gexec

begin;

-- ------------------------------------------------------------------ tenants, methods, units, people
\echo tenants
insert into tenant (id, parent_id, kind, code, name)
overriding system value
select :tbase + c, null, 'COUNTY', 'PV-C' || lpad((c + 1)::text, 2, '0'), '测试省测试县' || (c + 1)
from generate_series(0, :counties - 1) c;
insert into tenant (id, parent_id, kind, code, name)
overriding system value
select :tbase + :counties + ti, :tbase + ti / :towns, 'TOWNSHIP',
       'PV-C' || lpad((ti / :towns + 1)::text, 2, '0') || '-T' || lpad((ti % :towns + 1)::text, 2, '0'),
       '测试县' || (ti / :towns + 1) || '测试镇' || (ti % :towns + 1)
from generate_series(0, :t_count - 1) ti;

-- each township adopts the wusi preset: the text the demo township adopted
\echo methods
insert into method_version (id, tenant_id, code, version, name, preset, definition_yaml, status, created_by,
                            created_at, adopted_at)
overriding system value
select :mvbase + ti, :tbase + :counties + ti, m.code, 1, m.name, m.preset, m.definition_yaml, 'ADOPTED', 'bench',
       timestamptz '2025-12-01 09:00+08', timestamptz '2025-12-01 09:00+08'
from generate_series(0, :t_count - 1) ti,
     (select m.* from method_version m join tenant t on t.id = m.tenant_id
      where t.code = 'demo-town' and m.status = 'ADOPTED') m;

-- 28 units a township, as the demo township: the root, the leadership team, 3 offices, 6 groups,
-- 3 town-level and 2 stationed units (8 UNIT subjects), 11 villages and a community (12 VILLAGE)
create temp table unit_shape (k int primary key, kind text, name text);
insert into unit_shape
select k, case when k = 0 then 'TOWNSHIP' when k = 1 then 'LEADERSHIP_TEAM' when k <= 4 then 'OFFICE'
               when k <= 10 then 'GROUP' when k <= 13 then 'TOWN_UNIT' when k <= 15 then 'STATIONED_UNIT'
               when k <= 26 then 'VILLAGE' else 'COMMUNITY' end,
       case when k = 0 then '镇' when k = 1 then '镇领导班子' when k <= 4 then '办公室' || (k - 1)
            when k <= 10 then '工作组' || (k - 4) when k <= 13 then '镇直单位' || (k - 10)
            when k <= 15 then '驻镇单位' || (k - 13) when k <= 26 then '测试村' || (k - 15) else '测试社区' end
from generate_series(0, 27) k;
\echo units
insert into org_unit (id, tenant_id, parent_id, path, kind, code, name, sort_order)
overriding system value
select :ubase + ti * 28 + s.k, :tbase + :counties + ti, case when s.k = 0 then null else :ubase + ti * 28 end,
       '/' || (:ubase + ti * 28) || '/' || case when s.k = 0 then '' else (:ubase + ti * 28 + s.k) || '/' end,
       s.kind, 'PV-U' || s.k, case when s.k = 0 then '测试镇' || ti else s.name end, s.k
from generate_series(0, :t_count - 1) ti, unit_shape s;

-- people: 9 in the leadership team, the others spread over units 2..27
\echo people
insert into person (id, tenant_id, unit_id, code, name, gender, position, title, rank)
overriding system value
select :pbase + ti * :people + rn, :tbase + :counties + ti,
       :ubase + ti * 28 + case when rn < 9 then 1 else 2 + rn % 26 end, 'PV-P' || rn, '测试人员' || rn,
       case when rn % 2 = 0 then '男' else '女' end,
       case when rn = 0 then 'PARTY_SECRETARY' when rn = 1 then 'TOWNSHIP_HEAD' when rn < 9 then 'LEADERSHIP_MEMBER'
            when 2 + rn % 26 >= 16 then 'VILLAGE_CLERK' else 'STAFF' end,
       '干部', case when rn < 9 then 'SECTION' else 'CLERK' end
from generate_series(0, :t_count - 1) ti, generate_series(0, :people - 1) rn;

-- service recipients (raters of the backpack survey)
\echo service recipients
insert into external_contact (id, tenant_id, unit_id, kind, name)
overriding system value
select :cbase + ti * :contacts + c, :tbase + :counties + ti, :ubase + ti * 28 + 16 + c % 12,
       (array['RESIDENT', 'NPC_DEPUTY', 'CPPCC_MEMBER', 'BUSINESS_HEAD'])[1 + c % 4], '服务对象' || c
from generate_series(0, :t_count - 1) ti, generate_series(0, :contacts - 1) c;

-- ------------------------------------------------------------------ score events
-- ordinary event g (0 .. n_ord-1): township ti = g mod T, its j-th event j = g div T + 1; dated
-- through 2026 in id order; every 50th a leader's SPECIAL one; points -10..+10, never 0
\echo ordinary and special events
insert into score_event (id, tenant_id, method_version_id, kind, item_code, item_name, points, fen_per_point,
                         occurred_on, reason, state, proposed_by, proposed_at, decided_by, decided_at)
overriding system value
select :ebase + g, :tbase + :counties + ti, :mvbase + ti, case when j % 50 = 0 then 'SPECIAL' else 'ORDINARY' end,
       (array['task', 'meeting-discipline', 'duty', 'attendance', 'leave', 'conduct', 'information', 'environment',
              'unity', 'collective', 'study', 'covering-up'])[1 + j % 12],
       (array['工作任务完成情况', '会风会纪', '值班', '考勤', '请假', '作风建设', '信息反馈和报告情况', '发展环境',
              '团结和执行力', '集体活动', '学习情况', '包庇、弄虚作假'])[1 + j % 12],
       case when j % 12 = 11 or (j * 7 + ti) % 3 = 0 then -(1 + (j * 13 + ti) % 10) else 1 + (j * 13 + ti) % 10 end,
       2000, d, '测试事由 ' || j, 'CONFIRMED', 'jiwei', (d + time '10:00') at time zone 'Asia/Shanghai', 'zhenzhang',
       (d + time '11:00') at time zone 'Asia/Shanghai'
from generate_series(0, :n_ord - 1) g,
     lateral (select (g % :t_count)::int as ti, g / :t_count + 1 as j,
                     date '2026-01-01' + (g::bigint * 365 / :n_ord)::int as d) x;

-- subjects: 1 in 10 events binds a unit, the others a person; every 24th (a task) a second person.
-- One pass in event order, so the primary key (event_id, ...) only grows at its end
\echo event subjects
insert into score_event_subject (tenant_id, event_id, subject_kind, subject_id)
select :tbase + :counties + x.ti, :ebase + g, s.kind, s.id
from generate_series(0, :n_ord - 1) g,
     lateral (select (g % :t_count)::int as ti, g / :t_count + 1 as j) x,
     lateral (select 'UNIT' as kind,
                     :ubase + x.ti * 28 + (array[2, 3, 4, 11, 12, 13, 14, 15])[1 + (x.j * 7919 + x.ti * 13) % 8] as id
              where x.j % 10 = 0
              union all
              select 'PERSON', :pbase + x.ti * :people + (x.j * 7919 + x.ti * 13) % :people where x.j % 10 <> 0
              union all
              select 'PERSON', :pbase + x.ti * :people + (x.j * 7919 + x.ti * 13 + 1) % :people
              where x.j % 10 <> 0 and x.j % 24 = 0) s;

-- corrections: the township's every step-th event (j = step × k), half annulled, half halved,
-- a day after the decision; same subjects as the event they correct
-- statistics first, so that the two statements below look up the corrected events by key
analyze score_event;
analyze score_event_subject;
\echo corrections
insert into score_event (id, tenant_id, method_version_id, kind, item_code, item_name, points, fen_per_point,
                         occurred_on, reason, corrects_id, state, proposed_by, proposed_at, decided_by, decided_at)
overriding system value
select :ebase + :n_ord + (k - 1) * :t_count + ti, e.tenant_id, e.method_version_id, 'CORRECTION', e.item_code,
       e.item_name, case when k % 2 = 0 then 0 else round(e.points / 2, 2) end, e.fen_per_point, e.occurred_on,
       '测试更正 ' || k, e.id, 'CONFIRMED', 'shuji', e.decided_at + interval '1 day', 'shuji',
       e.decided_at + interval '1 day'
from generate_series(1, :corr) k cross join generate_series(0, :t_count - 1) ti
join score_event e on e.id = :ebase + (:step * k - 1) * :t_count + ti
order by k, ti;
\echo correction subjects
insert into score_event_subject (tenant_id, event_id, subject_kind, subject_id)
select c.tenant_id, c.id, s.subject_kind, s.subject_id
from score_event c join score_event_subject s on s.event_id = c.corrects_id
where c.id >= :ebase + :n_ord
order by c.id;

-- ------------------------------------------------------------------ rating sheets (10,000 a township)
-- monthly/draw: each month 5 persons, 5 units, 5 villages drawn, rated by 25 meeting ballots: 4,500
\echo sheets monthly/draw
insert into rating_sheet (tenant_id, method_version_id, assessment_code, component_code, cycle_key, rater_kind,
                          rater_ref, rater_group, ratee_kind, ratee_id, score, entered_by, entered_at)
select :tbase + :counties + ti, :mvbase + ti, 'monthly', 'draw', '2026-' || lpad(m::text, 2, '0'), 'BALLOT',
       'M' || m || '-' || r, 'attendees', k.kind,
       case k.kind when 'PERSON' then :pbase + ti * :people + (m * 97 + d * 37 + ti) % :people
                   when 'UNIT' then :ubase + ti * 28 + (array[2, 3, 4, 11, 12, 13, 14, 15])[1 + (m * 5 + d + ti) % 8]
                   else :ubase + ti * 28 + 16 + (m * 5 + d + ti) % 12 end,
       60 + ((m * 31 + d * 17 + r * 7 + ti) % 4001) / 100.0, 'zuzhang',
       make_date(2026, m, 3)::timestamp at time zone 'Asia/Shanghai'
from generate_series(1, 12) m, generate_series(0, :t_count - 1) ti,
     (values ('PERSON'), ('UNIT'), ('VILLAGE')) k(kind), generate_series(0, 4) d, generate_series(1, :ballots) r;
-- backpack/survey: each quarter half the persons, 3 service recipients each: 3,000
\echo sheets backpack/survey
insert into rating_sheet (tenant_id, method_version_id, assessment_code, component_code, cycle_key, rater_kind,
                          rater_ref, rater_group, ratee_kind, ratee_id, score, entered_by, entered_at)
select :tbase + :counties + ti, :mvbase + ti, 'backpack', 'survey', '2026-Q' || q, 'CONTACT',
       (:cbase + ti * :contacts + (rn + j * 7) % :contacts)::text, 'recipients', 'PERSON', :pbase + ti * :people + rn,
       60 + ((rn * 13 + q * 7 + j * 3 + ti) % 4001) / 100.0, 'zuzhang',
       make_date(2026, q * 3, 25)::timestamp at time zone 'Asia/Shanghai'
from generate_series(1, 4) q, generate_series(0, :t_count - 1) ti, generate_series(0, :people - 1) rn,
     generate_series(0, 2) j
where (rn + q) % 2 = 0;
-- ordinary/evaluation: each half-year every person by one leader (not himself) and one heads'
-- ballot; the year by one representatives' ballot: 2,500
\echo sheets ordinary/evaluation
insert into rating_sheet (tenant_id, method_version_id, assessment_code, component_code, cycle_key, rater_kind,
                          rater_ref, rater_group, ratee_kind, ratee_id, score, entered_by, entered_at)
select :tbase + :counties + ti, :mvbase + ti, 'ordinary', 'evaluation', '2026-H' || h, 'PERSON',
       (:pbase + ti * :people + case when rn < 9 then (rn + 1) % 9 else rn % 9 end)::text, 'leadership', 'PERSON',
       :pbase + ti * :people + rn, 60 + ((rn * 11 + h + ti) % 4001) / 100.0, 'zuzhang',
       make_date(2026, h * 6, 28)::timestamp at time zone 'Asia/Shanghai'
from generate_series(1, 2) h, generate_series(0, :t_count - 1) ti, generate_series(0, :people - 1) rn
union all
select :tbase + :counties + ti, :mvbase + ti, 'ordinary', 'evaluation', '2026-H' || h, 'BALLOT',
       'H' || h || '-' || rn, 'heads', 'PERSON', :pbase + ti * :people + rn,
       60 + ((rn * 17 + h + ti) % 4001) / 100.0, 'zuzhang', make_date(2026, h * 6, 28)::timestamp at time zone 'Asia/Shanghai'
from generate_series(1, 2) h, generate_series(0, :t_count - 1) ti, generate_series(0, :people - 1) rn
union all
select :tbase + :counties + ti, :mvbase + ti, 'ordinary', 'evaluation', '2026', 'BALLOT', 'R-' || rn,
       'representatives', 'PERSON', :pbase + ti * :people + rn, 60 + ((rn * 19 + ti) % 4001) / 100.0, 'zuzhang',
       timestamptz '2026-12-28 09:00+08'
from generate_series(0, :t_count - 1) ti, generate_series(0, :people - 1) rn;

-- the county ranking bonus for three persons and a bottom-three veto (not approved, so not in
-- effect) for one unit, for the year
\echo composite inputs
insert into composite_input (tenant_id, composite_code, cycle_key, subject_kind, subject_id, kind, code, county_rank,
                             reason, entered_by, entered_at)
select :tbase + :counties + ti, 'total', '2026', 'PERSON', :pbase + ti * :people + 100 + r, 'BONUS', 'county-top3', r,
       '分管工作全县第' || r, 'shuji', timestamptz '2026-12-30 09:00+08'
from generate_series(0, :t_count - 1) ti, generate_series(1, 3) r
union all
select :tbase + :counties + ti, 'total', '2026', 'UNIT', :ubase + ti * 28 + 2, 'VETO', 'county-bottom3', 2,
       '分管工作全县倒数第二', 'shuji', timestamptz '2026-12-30 09:00+08'
from generate_series(0, :t_count - 1) ti;

-- the identity sequences continue after the explicit ids
select setval(pg_get_serial_sequence('tenant', 'id'), (select max(id) from tenant)),
       setval(pg_get_serial_sequence('method_version', 'id'), (select max(id) from method_version)),
       setval(pg_get_serial_sequence('org_unit', 'id'), (select max(id) from org_unit)),
       setval(pg_get_serial_sequence('person', 'id'), (select max(id) from person)),
       setval(pg_get_serial_sequence('external_contact', 'id'), (select max(id) from external_contact)),
       setval(pg_get_serial_sequence('score_event', 'id'), (select max(id) from score_event));

commit;
set session_replication_role = origin;

-- ------------------------------------------------------------------ indexes back, statistics
\echo re-creating the indexes
select def from saved_index order by tab, name \gexec
select 'alter table ' || tab || ' add constraint ' || name || ' ' || def from saved_constraint \gexec
\echo vacuum analyze
vacuum analyze tenant, method_version, org_unit, person, external_contact, composite_input;
vacuum analyze score_event;
vacuum analyze score_event_subject;
vacuum analyze rating_sheet;

select (select count(*) from tenant where code like 'PV-C%-T%') as townships,
       (select count(*) from person p join tenant t on t.id = p.tenant_id where t.code like 'PV-%' and p.active) as people,
       (select count(*) from score_event) as events, (select count(*) from score_event_subject) as event_subjects,
       (select count(*) from rating_sheet) as sheets,
       pg_size_pretty(pg_database_size(current_database())) as database_size;
