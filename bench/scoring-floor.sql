-- The floor: bare PostgreSQL aggregates over the rows a computation reads (tenant demo-town).
-- :from, :to = the window of the events; :cycles = the sheet cycle keys it covers (a quoted list).
\set ON_ERROR_STOP on
\pset pager off
\timing on
\o /dev/null
-- sum of confirmed points per subject in the window, the latest correction applied (one pass
-- over the corrections, hash-joined: the same form as the engine's query)
with latest as (
  select distinct on (c.corrects_id, cs.subject_kind, cs.subject_id) c.corrects_id, cs.subject_kind, cs.subject_id, c.points
  from score_event c join score_event_subject cs on cs.event_id = c.id and cs.tenant_id = c.tenant_id
  where c.tenant_id = (select id from tenant where code = 'demo-town') and c.corrects_id is not null
    and c.state = 'CONFIRMED'
  order by c.corrects_id, cs.subject_kind, cs.subject_id, c.id desc)
select s.subject_kind, s.subject_id, sum(coalesce(c.points, e.points)) as points, count(*) as events
from score_event e
join score_event_subject s on s.event_id = e.id and s.tenant_id = e.tenant_id
left join latest c on c.corrects_id = e.id and c.subject_kind = s.subject_kind and c.subject_id = s.subject_id
where e.tenant_id = (select id from tenant where code = 'demo-town') and e.state = 'CONFIRMED'
  and e.kind <> 'CORRECTION' and e.occurred_on >= :'from' and e.occurred_on < :'to'
group by 1, 2;
-- the same without corrections (the barest floor)
select s.subject_kind, s.subject_id, sum(e.points)
from score_event e join score_event_subject s on s.event_id = e.id and s.tenant_id = e.tenant_id
where e.tenant_id = (select id from tenant where code = 'demo-town') and e.state = 'CONFIRMED'
  and e.kind <> 'CORRECTION' and e.occurred_on >= :'from' and e.occurred_on < :'to'
group by 1, 2;
-- mean sheet score per ratee and rater group
select assessment_code, component_code, cycle_key, ratee_kind, ratee_id, rater_group, avg(score), count(*)
from rating_sheet
where tenant_id = (select id from tenant where code = 'demo-town') and cycle_key in (:cycles)
group by 1, 2, 3, 4, 5, 6;
