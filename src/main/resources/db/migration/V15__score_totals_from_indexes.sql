-- A ranking sums each subject's confirmed points per cycle (JdbcFacts.EVENT_TOTALS). In a database
-- shared by many townships one township's events lie scattered over the whole table, so reading
-- them from the heap costs a page per event: about 100,000 pages for a township's year at province
-- scale (bench/scoring-province.sh), ~1 s each. With the columns that sum needs in the two indexes
-- it already uses, PostgreSQL answers from the indexes alone (index-only scans, ~1,300 pages,
-- ~0.1 s). Same names and key columns as before, so every other query keeps its plan.
drop index score_event_period;
create index score_event_period on score_event (tenant_id, occurred_on) include (id, kind, points)
    where state = 'CONFIRMED';
drop index score_event_subject_of;
create index score_event_subject_of on score_event_subject (tenant_id, subject_kind, subject_id) include (event_id);
