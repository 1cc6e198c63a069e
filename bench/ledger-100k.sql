-- Benchmark data: 100,000 work items in the ledger of the demo township (tenant code demo-town).
-- Run after the app has started once on an empty database (Flyway + the demo township are in place):
--   psql -v ON_ERROR_STOP=1 -h 127.0.0.1 -U postgres -d bench -f bench/ledger-100k.sql
-- Deterministic (setseed). Categories, states, lights and dates follow a plausible township mix:
-- 55% routine, 25% central, 12% special, 8% emergency; deadlines spread over 2025-01 .. 2027-06;
-- every central/special/emergency item has its lead group of three (leader, two deputies, one the
-- supervisor-assessor); about 30% of items have one or two assisting units; every item has its
-- original deadline (seq 0) and a CREATED ledger line. Not for production databases.
\set ON_ERROR_STOP on
begin;
select setseed(0.2026);

create temp table b_tenant on commit drop as select id from tenant where code = 'demo-town';
do $$ begin
    if (select count(*) from b_tenant) <> 1 then raise exception 'tenant demo-town not found'; end if;
    if exists (select 1 from work_item w join b_tenant t on t.id = w.tenant_id where w.title like 'BENCH %') then
        raise exception 'benchmark items are already loaded';
    end if;
end $$;

-- units that lead work (every unit but the township root), numbered 1..n, each with its people
create temp table b_unit on commit drop as
select row_number() over (order by u.id) as n, u.id,
       coalesce((select array_agg(p.id order by p.id) from person p where p.tenant_id = u.tenant_id and p.unit_id = u.id),
                (select array_agg(p.id order by p.id) from person p where p.tenant_id = u.tenant_id)) as people
from org_unit u join b_tenant t on t.id = u.tenant_id
where u.kind <> 'TOWNSHIP';

create temp table b_person on commit drop as
select row_number() over (order by p.id) as n, p.id from person p join b_tenant t on t.id = p.tenant_id;

create temp table b_item on commit drop as
with s as (
    select g, random() as rc, random() as rs, random() as rl, random() as ru, random() as rd, random() as rp,
           random() as rlen, random() as rsrc, random() as rf, random() as rx
    from generate_series(1, 100000) g
), c as (
    select s.*,
           case when rc < 0.55 then 'routine' when rc < 0.80 then 'central' when rc < 0.92 then 'special'
                else 'emergency' end as cat,
           case when rs < 0.03 then 'DRAFT' when rs < 0.04 then 'RETURNED' when rs < 0.11 then 'ASSIGNED'
                when rs < 0.21 then 'ACKNOWLEDGED' when rs < 0.66 then 'IN_PROGRESS'
                when rs < 0.69 then 'EXTENSION_REQUESTED' when rs < 0.74 then 'COMPLETION_REQUESTED'
                when rs < 0.76 then 'REWORK' when rs < 0.91 then 'CLOSED_OUT' when rs < 0.98 then 'EVALUATED'
                else 'CANCELLED' end as state,
           date '2024-11-01' + (rd * 760)::int as start_date,
           14 + (rlen * 166)::int as len
    from s
)
select c.g, c.cat, c.state, c.start_date, c.start_date + c.len as deadline,
       case when c.state in ('DRAFT', 'RETURNED', 'CLOSED_OUT', 'EVALUATED', 'CANCELLED') then 'NONE'
            when c.rl < 0.60 then 'GREEN' when c.rl < 0.85 then 'YELLOW' else 'RED' end as light,
       case when c.state in ('DRAFT', 'RETURNED', 'ASSIGNED') then 0
            when c.state in ('CLOSED_OUT', 'EVALUATED', 'COMPLETION_REQUESTED') then 100
            else (c.rp * 95)::int end as progress,
       1 + (c.ru * (select count(*) from b_unit))::int % (select count(*) from b_unit) as unit_n,
       (array['SUPERIOR_ASSIGNMENT', 'LEADER_INSTRUCTION', 'MEETING_DECISION', 'ANNUAL_TARGET',
              'RESIDENT_REQUEST'])[1 + (c.rsrc * 5)::int % 5] as source,
       (array['WEEKLY', 'MONTHLY', 'QUARTERLY', 'ON_DEMAND'])[1 + (c.rf * 4)::int % 4] as freq,
       c.rx
from c;

insert into work_item (tenant_id, title, category_code, category_name, management, lead_group_size,
    lead_group_deputies, lead_group_supervisor, required_documents, no_leave, source, lead_unit_id,
    responsible_person_id, supervising_leader_id, created_by_person_id, created_by_name, start_date,
    original_deadline, deadline, extension_count, target, measures, report_frequency, state, progress, light,
    created_at, updated_at)
select t.id,
       'BENCH ' || (array['人居环境整治', '防汛备汛检查', '森林防火巡查', '项目建设推进', '信访积案化解', '安全生产排查',
                          '乡村振兴示范点', '耕地保护核查', '村级集体经济', '民生实事'])[1 + i.g % 10] || ' 第' || i.g || '项',
       i.cat,
       case i.cat when 'routine' then '常规工作' when 'central' then '中心工作' when 'special' then '专项工作'
                  else '应急工作（集体活动）' end,
       case i.cat when 'routine' then 'HIERARCHICAL' when 'central' then 'INTEGRATED_GRID'
                  when 'special' then 'CENTRALISED_AD_HOC' else 'UNIFIED_COMMAND' end,
       case when i.cat = 'routine' then null else 3 end,
       case when i.cat = 'routine' then null else 2 end,
       i.cat <> 'routine',
       case when i.cat = 'routine' then '' else 'REWARD_PENALTY_RESULT,RISK_ASSESSMENT,WORK_PLAN' end,
       i.cat = 'emergency',
       i.source, u.id,
       u.people[1 + i.g % array_length(u.people, 1)],
       (select id from b_person where n = 1 + i.g % 4),
       (select id from b_person where n = 1),
       '张建国',
       i.start_date, i.deadline, i.deadline, 0,
       '按时保质完成' || i.g || '号任务的全部目标', '明确责任人，倒排工期，每周调度', i.freq, i.state, i.progress, i.light,
       i.start_date::timestamptz, i.start_date::timestamptz
from b_item i join b_unit u on u.n = i.unit_n cross join b_tenant t
order by i.g;

-- the lead group of every central, special and emergency item: three different people
insert into work_lead_member (tenant_id, item_id, person_id, role, supervisor_assessor)
select w.tenant_id, w.id, p.id, case when k = 0 then 'LEADER' else 'DEPUTY' end, k = 1
from work_item w cross join generate_series(0, 2) k
join b_person p on p.n = 1 + ((w.id * 7 + k * 13) % (select count(*) from b_person))
where w.tenant_id = (select id from b_tenant) and w.title like 'BENCH %' and w.category_code <> 'routine';

-- 协办: about 30% of the items have one or two assisting units other than the lead unit
insert into work_item_assist (tenant_id, item_id, unit_id)
select distinct w.tenant_id, w.id, u.id
from work_item w cross join generate_series(1, 2) k
join b_unit lu on lu.id = w.lead_unit_id
join b_unit u on u.n = 1 + ((lu.n + k * 5 + w.id) % (select count(*) from b_unit))
where w.tenant_id = (select id from b_tenant) and w.title like 'BENCH %'
  and w.id % 10 < 3 and (k = 1 or w.id % 2 = 0) and u.id <> w.lead_unit_id;

insert into work_deadline (tenant_id, item_id, seq, deadline, reason, decided_by, decided_at)
select w.tenant_id, w.id, 0, w.original_deadline, null, '张建国', w.created_at
from work_item w where w.tenant_id = (select id from b_tenant) and w.title like 'BENCH %';

insert into work_ledger_entry (tenant_id, item_id, occurred_at, kind, actor_name, actor_person_id, state_after)
select w.tenant_id, w.id, w.created_at, 'CREATED', '张建国', w.created_by_person_id, 'DRAFT'
from work_item w where w.tenant_id = (select id from b_tenant) and w.title like 'BENCH %';

commit;
analyze work_item; analyze work_item_assist; analyze work_lead_member; analyze work_deadline; analyze work_ledger_entry;

select category_code, light, count(*) from work_item group by 1, 2 order by 1, 2;
