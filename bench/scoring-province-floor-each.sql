-- The floor of the province benchmark, form 2: the same bare aggregates as
-- bench/scoring-province-floor.sql, one township at a time (the access path the product has: a
-- township's rows through the indexes that lead with tenant_id), one statement per township and
-- table, the township's id written into each statement. bench/scoring-province.sh adds up psql's
-- time of every statement of a kind (the first time psql prints is that of the select that writes them).
\set ON_ERROR_STOP on
\pset pager off
\o /dev/null
\timing on
select format($$select s.subject_kind, s.subject_id, sum(e.points), count(*)
  from score_event e join score_event_subject s on s.event_id = e.id and s.tenant_id = e.tenant_id
  where e.tenant_id = %1$s and e.state = 'CONFIRMED' and e.kind <> 'CORRECTION'
    and e.occurred_on >= date '2026-01-01' and e.occurred_on < date '2027-01-01'
  group by 1, 2 /* floor-bare */$$, id),
  format($$with latest as (
    select distinct on (c.corrects_id, cs.subject_kind, cs.subject_id) c.corrects_id, cs.subject_kind, cs.subject_id, c.points
    from score_event c join score_event_subject cs on cs.event_id = c.id and cs.tenant_id = c.tenant_id
    where c.tenant_id = %1$s and c.corrects_id is not null and c.state = 'CONFIRMED'
    order by c.corrects_id, cs.subject_kind, cs.subject_id, c.id desc)
  select s.subject_kind, s.subject_id, sum(coalesce(c.points, e.points)), count(*)
  from score_event e
  join score_event_subject s on s.event_id = e.id and s.tenant_id = e.tenant_id
  left join latest c on c.corrects_id = e.id and c.subject_kind = s.subject_kind and c.subject_id = s.subject_id
  where e.tenant_id = %1$s and e.state = 'CONFIRMED' and e.kind <> 'CORRECTION'
    and e.occurred_on >= date '2026-01-01' and e.occurred_on < date '2027-01-01'
  group by 1, 2 /* floor-corrected */$$, id),
  format($$select assessment_code, component_code, cycle_key, ratee_kind, ratee_id, rater_group, avg(score), count(*)
  from rating_sheet
  where tenant_id = %1$s and cycle_key in ('2026', '2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4', '2026-01', '2026-02',
    '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2026-12')
  group by 1, 2, 3, 4, 5, 6 /* floor-sheets */$$, id)
from tenant where code like 'PV-C%-T%' order by id
\gexec
