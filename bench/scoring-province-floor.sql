-- The floor of the province benchmark, form 1: bare PostgreSQL aggregates over the rows the yearly
-- computation of every township reads (bench/scoring-province.sh), one statement per table over
-- all townships at once, so PostgreSQL may scan in parallel. Every event and sheet in the
-- benchmark database belongs to one of the townships (the demo township has none), so there is no
-- tenant filter: with one (tenant_id in (select ...)) the planner misjudged the rows and sorted on
-- disk, 30% slower.
\set ON_ERROR_STOP on
\pset pager off
\timing on
\o /dev/null
-- 1. sum of confirmed points per township and subject in 2026 (the barest floor)
select e.tenant_id, s.subject_kind, s.subject_id, sum(e.points), count(*)
from score_event e join score_event_subject s on s.event_id = e.id and s.tenant_id = e.tenant_id
where e.state = 'CONFIRMED' and e.kind <> 'CORRECTION'
  and e.occurred_on >= date '2026-01-01' and e.occurred_on < date '2027-01-01'
group by 1, 2, 3;
-- 2. the same with the latest correction per (event, subject) applied, in the engine's form
with latest as (
  select distinct on (c.corrects_id, cs.subject_kind, cs.subject_id) c.corrects_id, cs.subject_kind, cs.subject_id, c.points
  from score_event c join score_event_subject cs on cs.event_id = c.id and cs.tenant_id = c.tenant_id
  where c.corrects_id is not null and c.state = 'CONFIRMED'
  order by c.corrects_id, cs.subject_kind, cs.subject_id, c.id desc)
select e.tenant_id, s.subject_kind, s.subject_id, sum(coalesce(c.points, e.points)), count(*)
from score_event e
join score_event_subject s on s.event_id = e.id and s.tenant_id = e.tenant_id
left join latest c on c.corrects_id = e.id and c.subject_kind = s.subject_kind and c.subject_id = s.subject_id
where e.state = 'CONFIRMED' and e.kind <> 'CORRECTION'
  and e.occurred_on >= date '2026-01-01' and e.occurred_on < date '2027-01-01'
group by 1, 2, 3;
-- 3. mean sheet score per township, component, cycle, ratee and rater group, for the cycles the
-- yearly composite reads (wusi total/2026: the 12 months, the 4 quarters and the year)
select tenant_id, assessment_code, component_code, cycle_key, ratee_kind, ratee_id, rater_group, avg(score), count(*)
from rating_sheet
where cycle_key in ('2026', '2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4', '2026-01', '2026-02', '2026-03', '2026-04',
                    '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2026-12')
group by 1, 2, 3, 4, 5, 6, 7;
