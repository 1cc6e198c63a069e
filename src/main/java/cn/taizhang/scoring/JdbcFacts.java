package cn.taizhang.scoring;

import cn.taizhang.method.MethodCompliance;
import cn.taizhang.method.MethodDefinition.SubjectKind;
import cn.taizhang.org.DataScope;
import cn.taizhang.org.OrgUnit;
import cn.taizhang.org.Organisation;
import cn.taizhang.org.Person;
import cn.taizhang.org.UnitKind;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The facts of one tenant from PostgreSQL. For a whole ranking ({@code bulk}) each window is read
 * once and grouped by subject; for an explanation only the one subject's rows are read. Totals
 * (what a ranking counts) are summed by PostgreSQL, one row per subject and rater group, rather
 * than read as lines and summed here: a township's year is ~50,000 event lines but ~500 totals.
 */
final class JdbcFacts implements Facts {

    private final JdbcClient jdbc;
    private final long tenantId;
    private final Organisation organisation;
    private final MethodCompliance compliance;
    private final boolean bulk;
    private final Map<String, Map<SubjectRef, List<EventFact>>> eventCache = new HashMap<>();
    private final Map<String, Map<SubjectRef, Score>> eventTotalCache = new HashMap<>();
    private final Map<String, Map<SubjectRef, Map<String, SheetTotal>>> sheetTotalCache = new HashMap<>();
    private final Map<String, Map<SubjectRef, List<SheetFact>>> sheetCache = new HashMap<>();
    private final Map<String, Map<SubjectRef, List<InputFact>>> inputCache = new HashMap<>();

    JdbcFacts(JdbcClient jdbc, long tenantId, Organisation organisation, MethodCompliance compliance, boolean bulk) {
        this.jdbc = jdbc;
        this.tenantId = tenantId;
        this.organisation = organisation;
        this.compliance = compliance;
        this.bulk = bulk;
    }

    private boolean customPlans;

    /**
     * A statement of these facts. The first one also tells PostgreSQL to plan every statement for
     * its values until the transaction ends ({@code plan_cache_mode = force_custom_plan}): the
     * driver prepares a statement on the server after a few executions, and PostgreSQL's generic
     * plan guesses a fixed number of rows for a date range it cannot see. For a township's year
     * (50,000 events) that guess (247 rows) chose an index probe per event and a nested loop
     * over the corrections: 5.7 s instead of 0.1 s (bench/scoring-province.sh).
     */
    private JdbcClient.StatementSpec sql(String sql) {
        if (!customPlans) {
            jdbc.sql("select set_config('plan_cache_mode', 'force_custom_plan', true)").query().singleValue();
            customPlans = true;
        }
        return jdbc.sql(sql);
    }

    /**
     * The latest confirmed correction per (corrected event, subject) is read in one pass over the
     * tenant's corrections and hash-joined, not looked up per event: corrections are few (about 1%
     * of the events), and a lookup per event row cost a probe for each of them.
     */
    private static final String LATEST_CORRECTIONS = """
            with latest as (
                select distinct on (c.corrects_id, cs.subject_kind, cs.subject_id)
                       c.corrects_id, cs.subject_kind, cs.subject_id, c.id, c.points, c.reason
                from score_event c
                join score_event_subject cs on cs.event_id = c.id and cs.tenant_id = c.tenant_id
                where c.tenant_id = :t and c.corrects_id is not null and c.state = 'CONFIRMED'
                order by c.corrects_id, cs.subject_kind, cs.subject_id, c.id desc)
            """;

    static final String EVENT_FACTS = LATEST_CORRECTIONS + """
            select e.id, s.subject_kind, s.subject_id, e.kind, e.item_code, e.item_name, e.points,
                   c.id as correction_id, c.points as corrected_points, c.reason as correction_reason,
                   e.occurred_on, e.reason, e.evidence,
                   coalesce(r.title || ' ' || a.number || '（第' || r.version || '版）', e.article_text) as article,
                   e.proposed_by, e.decided_by
            from score_event e
            join score_event_subject s on s.event_id = e.id and s.tenant_id = e.tenant_id
            left join regulation_article a on a.id = e.article_id and a.tenant_id = e.tenant_id
            left join regulation r on r.id = a.regulation_id and r.tenant_id = e.tenant_id
            left join latest c on c.corrects_id = e.id and c.subject_kind = s.subject_kind and c.subject_id = s.subject_id
            where e.tenant_id = :t and e.state = 'CONFIRMED' and e.kind <> 'CORRECTION'
              and e.occurred_on >= :from and e.occurred_on < :to
            """;

    /** The sum per subject of the same rows as {@link #EVENT_FACTS}, the latest correction applied. */
    private static final String EVENT_TOTALS = LATEST_CORRECTIONS + """
            select s.subject_kind, s.subject_id, sum(coalesce(c.points, e.points)) as total
            from score_event e
            join score_event_subject s on s.event_id = e.id and s.tenant_id = e.tenant_id
            left join latest c on c.corrects_id = e.id and c.subject_kind = s.subject_kind and c.subject_id = s.subject_id
            where e.tenant_id = :t and e.state = 'CONFIRMED' and e.kind <> 'CORRECTION'
              and e.occurred_on >= :from and e.occurred_on < :to
            group by s.subject_kind, s.subject_id
            """;

    static EventFact eventFact(ResultSet rs) throws SQLException {
        Score points = Score.of(rs.getBigDecimal("points"));
        var corrected = rs.getBigDecimal("corrected_points");
        long correctionId = rs.getLong("correction_id");
        Long correction = rs.wasNull() ? null : correctionId;
        return new EventFact(rs.getLong("id"),
                new SubjectRef(SubjectKind.valueOf(rs.getString("subject_kind")), rs.getLong("subject_id")),
                rs.getString("kind"), rs.getString("item_code"), rs.getString("item_name"), points,
                corrected == null ? points : Score.of(corrected), correction,
                rs.getString("correction_reason"), rs.getObject("occurred_on", LocalDate.class), rs.getString("reason"),
                rs.getString("evidence"), rs.getString("article"), rs.getString("proposed_by"), rs.getString("decided_by"));
    }

    @Override
    public List<EventFact> events(LocalDate from, LocalDate to, SubjectRef only) {
        if (!bulk) {
            return sql(EVENT_FACTS + " and s.subject_kind = :k and s.subject_id = :s order by e.occurred_on, e.id")
                    .param("t", tenantId).param("from", from).param("to", to)
                    .param("k", only.kind().name()).param("s", only.id())
                    .query((rs, n) -> eventFact(rs)).list();
        }
        return eventCache.computeIfAbsent(from + "/" + to, k -> sql(EVENT_FACTS + " order by e.occurred_on, e.id")
                        .param("t", tenantId).param("from", from).param("to", to)
                        .query((rs, n) -> eventFact(rs)).list().stream()
                        .collect(Collectors.groupingBy(EventFact::subject)))
                .getOrDefault(only, List.of());
    }

    @Override
    public Score eventTotal(LocalDate from, LocalDate to, SubjectRef subject) {
        if (!bulk) {
            return Score.sum(events(from, to, subject).stream().map(EventFact::effective).toList());
        }
        return eventTotalCache.computeIfAbsent(from + "/" + to, k -> {
            Map<SubjectRef, Score> totals = new HashMap<>();
            sql(EVENT_TOTALS).param("t", tenantId).param("from", from).param("to", to)
                    .query(rs -> {
                        totals.put(subject(rs, "subject_kind", "subject_id"), Score.of(rs.getBigDecimal("total")));
                    });
            return totals;
        }).getOrDefault(subject, Score.ZERO);
    }

    private static SubjectRef subject(ResultSet rs, String kind, String id) throws SQLException {
        return new SubjectRef(SubjectKind.valueOf(rs.getString(kind)), rs.getLong(id));
    }

    private static final String SHEETS = """
            select id, ratee_kind, ratee_id, rater_group, rater_kind, rater_ref, score, comment from rating_sheet
            where tenant_id = :t and assessment_code = :a and component_code = :c and cycle_key = :k
            """;

    private static SheetFact sheetFact(ResultSet rs) throws SQLException {
        return new SheetFact(rs.getLong("id"),
                new SubjectRef(SubjectKind.valueOf(rs.getString("ratee_kind")), rs.getLong("ratee_id")),
                rs.getString("rater_group"), rs.getString("rater_kind"), rs.getString("rater_ref"),
                Score.of(rs.getBigDecimal("score")), rs.getString("comment"));
    }

    @Override
    public List<SheetFact> sheets(String assessment, String component, String cycleKey, SubjectRef only) {
        if (!bulk) {
            return sql(SHEETS + " and ratee_kind = :rk and ratee_id = :r order by id")
                    .param("t", tenantId).param("a", assessment).param("c", component).param("k", cycleKey)
                    .param("rk", only.kind().name()).param("r", only.id()).query((rs, n) -> sheetFact(rs)).list();
        }
        return sheetCache.computeIfAbsent(assessment + "/" + component + "/" + cycleKey, k -> sql(SHEETS + " order by id")
                        .param("t", tenantId).param("a", assessment).param("c", component).param("k", cycleKey)
                        .query((rs, n) -> sheetFact(rs)).list().stream()
                        .collect(Collectors.groupingBy(SheetFact::ratee)))
                .getOrDefault(only, List.of());
    }

    private static final String SHEET_TOTALS = """
            select ratee_kind, ratee_id, rater_group, count(*) as sheets, sum(score) as total from rating_sheet
            where tenant_id = :t and assessment_code = :a and component_code = :c and cycle_key = :k
            group by ratee_kind, ratee_id, rater_group
            """;

    @Override
    public Map<String, SheetTotal> sheetTotals(String assessment, String component, String cycleKey, SubjectRef ratee) {
        if (!bulk) {
            Map<String, SheetTotal> totals = new HashMap<>();
            sheets(assessment, component, cycleKey, ratee).stream()
                    .collect(Collectors.groupingBy(SheetFact::raterGroup))
                    .forEach((group, own) -> totals.put(group, SheetTotal.of(own)));
            return totals;
        }
        return sheetTotalCache.computeIfAbsent(assessment + "/" + component + "/" + cycleKey, k -> {
            Map<SubjectRef, Map<String, SheetTotal>> totals = new HashMap<>();
            sql(SHEET_TOTALS).param("t", tenantId).param("a", assessment).param("c", component).param("k", cycleKey)
                    .query(rs -> {
                        totals.computeIfAbsent(subject(rs, "ratee_kind", "ratee_id"), x -> new HashMap<>())
                                .put(rs.getString("rater_group"), new SheetTotal(rs.getInt("sheets"), rs.getBigDecimal("total")));
                    });
            return totals;
        }).getOrDefault(ratee, Map.of());
    }

    private static final String INPUTS = """
            select id, subject_kind, subject_id, kind, code, county_rank, points, reason, entered_by from composite_input
            where tenant_id = :t and composite_code = :c and cycle_key = :k
            """;

    private static InputFact inputFact(ResultSet rs) throws SQLException {
        var points = rs.getBigDecimal("points");
        int rank = rs.getInt("county_rank");
        Integer countyRank = rs.wasNull() ? null : rank;
        return new InputFact(rs.getLong("id"),
                new SubjectRef(SubjectKind.valueOf(rs.getString("subject_kind")), rs.getLong("subject_id")),
                rs.getString("kind"), rs.getString("code"), countyRank, points == null ? null : Score.of(points),
                rs.getString("reason"), rs.getString("entered_by"));
    }

    @Override
    public List<InputFact> inputs(String composite, String cycleKey, SubjectRef only) {
        return inputCache.computeIfAbsent(composite + "/" + cycleKey, k -> sql(INPUTS + " order by id")
                        .param("t", tenantId).param("c", composite).param("k", cycleKey)
                        .query((rs, n) -> inputFact(rs)).list().stream()
                        .collect(Collectors.groupingBy(InputFact::subject)))
                .getOrDefault(only, List.of());
    }

    @Override
    public List<NamedSubject> universe(Set<SubjectKind> kinds, SubjectRef only) {
        DataScope all = DataScope.wholeTenant(tenantId);
        List<NamedSubject> out = new ArrayList<>();
        if (kinds.contains(SubjectKind.PERSON)) {
            for (Person p : organisation.people(all, tenantId, null, null, false)) {
                out.add(new NamedSubject(new SubjectRef(SubjectKind.PERSON, p.id()), p.name()));
            }
        }
        for (OrgUnit u : organisation.tree(all, tenantId, false)) {
            SubjectKind k = kindOf(u.kind());
            if (k != null && kinds.contains(k)) {
                out.add(new NamedSubject(new SubjectRef(k, u.id()), u.name()));
            }
        }
        return only == null ? out : out.stream().filter(n -> n.ref().equals(only)).toList();
    }

    static SubjectKind kindOf(UnitKind kind) {
        return SubjectRef.kindOf(kind);
    }

    @Override
    public boolean effective(String flagCode) {
        return compliance.isEffective(tenantId, flagCode);
    }
}
