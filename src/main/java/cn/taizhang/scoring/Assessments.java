package cn.taizhang.scoring;

import cn.taizhang.audit.AuditJournal;
import cn.taizhang.method.MethodCatalog;
import cn.taizhang.method.MethodCompliance;
import cn.taizhang.method.MethodDefinition;
import cn.taizhang.method.MethodDefinition.Composite;
import cn.taizhang.method.MethodDefinition.Period;
import cn.taizhang.method.MethodVersion;
import cn.taizhang.method.TenantMethods;
import cn.taizhang.org.Organisation;
import cn.taizhang.org.Tenant;
import cn.taizhang.org.Tenants;
import cn.taizhang.scoring.Results.Ranking;
import cn.taizhang.scoring.Results.Row;
import cn.taizhang.scoring.Results.SubjectResult;
import cn.taizhang.shared.AccessDeniedException;
import cn.taizhang.shared.CurrentUser;
import cn.taizhang.shared.DomainException;
import cn.taizhang.shared.Role;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The periodic assessments (ASSESS-1..10) of the tenant's adopted method: rankings, explanations,
 * the inputs composites need (county ranking bonuses, vetoes, leaders' corrections), stored runs
 * and what-if comparisons with an edited copy of the method. A computation reads one consistent
 * snapshot (repeatable read), so a recomputation while events arrive matches one of the states.
 */
@Service
public class Assessments {

    /** An assessment or composite a page can offer, with the periods it runs in. */
    public record TargetInfo(String code, String name, boolean composite, List<Period> periods) {
    }

    public record InputEntry(String compositeCode, String cycleKey, SubjectRef subject, String kind, String code,
                             Integer countyRank, BigDecimal points, String reason) {
    }

    public record Run(long id, long methodVersionId, String targetCode, String cycleKey, String runBy,
                      OffsetDateTime runAt, Ranking ranking) {
    }

    /** One subject in a what-if: rank and score now and with the edited method. */
    public record Change(SubjectRef subject, String name, Integer rankBefore, Score scoreBefore, Integer rankAfter,
                         Score scoreAfter) {
        public boolean changed() {
            return !java.util.Objects.equals(rankBefore, rankAfter) || !java.util.Objects.equals(scoreBefore, scoreAfter);
        }
    }

    public record WhatIf(String targetCode, String cycleKey, List<Change> changes) {
    }

    /**
     * A consequence the method draws from a ranking (ASSESS-11, FUND-1), proposed for a person to
     * confirm: who, why (rank and score), and for group funds the share in percent and, when the
     * preview is given the fund pool, the amount (the amounts add up exactly to the pool).
     */
    public record Proposal(String consequenceCode, String consequenceName, String kind, SubjectRef subject,
                           String name, int rank, Score score, Score sharePercent, Money amount) {
    }

    /** A stored run as listed: who computed which target and cycle when, under which method version. */
    public record RunSummary(long id, long methodVersionId, String targetCode, String cycleKey, String runBy,
                             OffsetDateTime runAt, int subjects) {
    }

    /** One subject of a stored run, as it was stored. */
    public record RunRow(String subject, String name, int rank, String score, boolean flagged, boolean vetoed) {
    }

    /** A stored run with its rows, read back as it was stored. */
    public record StoredRun(RunSummary run, List<RunRow> rows) {
    }

    private final JdbcClient jdbc;
    private final TenantMethods methods;
    private final MethodCatalog catalog;
    private final MethodCompliance compliance;
    private final Organisation organisation;
    private final Tenants tenants;
    private final Subjects subjects;
    private final AuditJournal journal;
    private final JsonMapper json;
    private final Clock clock;

    Assessments(JdbcClient jdbc, TenantMethods methods, MethodCatalog catalog, MethodCompliance compliance,
                Organisation organisation, Tenants tenants, Subjects subjects, AuditJournal journal, JsonMapper json,
                Clock clock) {
        this.jdbc = jdbc;
        this.methods = methods;
        this.catalog = catalog;
        this.compliance = compliance;
        this.organisation = organisation;
        this.tenants = tenants;
        this.subjects = subjects;
        this.journal = journal;
        this.json = json;
        this.clock = clock;
    }

    /** The adopted method's definition, the copy a what-if edits. */
    public MethodDefinition adopted(long tenantId) {
        return active(tenantId).definition();
    }

    /**
     * The adopted definition of a tenant the user may read results of: the own (leadership,
     * discipline office) or a township of the county (its county administrator); otherwise 403/404.
     */
    public MethodDefinition adopted(CurrentUser user, long tenantId) {
        requireReader(user, tenantId);
        return active(tenantId).definition();
    }

    /**
     * The tenant a results page shows when none is named: the own, or for a county administrator
     * whose county has no method of its own the first township of the county that has one.
     */
    public long shownTenant(CurrentUser user, Long tenant) {
        if (tenant != null) {
            return tenant;
        }
        List<Tenant> townships = countyTownships(user);
        return !townships.isEmpty() && methods.active(user.tenantId()).isEmpty() ? townships.get(0).id()
                : user.tenantId();
    }

    public List<TargetInfo> targets(long tenantId) {
        MethodDefinition d = active(tenantId).definition();
        List<TargetInfo> out = new ArrayList<>();
        for (Composite c : list(d.composites())) {
            out.add(new TargetInfo(c.code(), c.name(), true, c.cycles().stream().map(MethodDefinition.Cycle::period).toList()));
        }
        for (var a : d.assessments()) {
            out.add(new TargetInfo(a.code(), a.name(), false, a.cycles().stream().map(MethodDefinition.Cycle::period).toList()));
        }
        return out;
    }

    /** The ranking of an assessment or composite in a cycle (leadership and discipline office). */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Ranking ranking(CurrentUser user, String targetCode, String cycleKey) {
        return ranking(user, user.tenantId(), targetCode, cycleKey);
    }

    /**
     * The ranking in a tenant: the user's own (leadership and discipline office), or a township of
     * the county for its county administrator, read-only (ORG-5); another county's township or any
     * other tenant answers 404 (not found).
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Ranking ranking(CurrentUser user, long tenantId, String targetCode, String cycleKey) {
        requireReader(user, tenantId);
        MethodVersion v = active(tenantId);
        return engine(tenantId, v.definition(), v.id(), true).rank(targetCode, CycleWindow.parse(cycleKey));
    }

    /** Why a subject's number is what it is, down to each event and sheet (staff: only themselves). */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public SubjectResult explain(CurrentUser user, String targetCode, String cycleKey, SubjectRef subject) {
        return explain(user, user.tenantId(), targetCode, cycleKey, subject);
    }

    /**
     * The explanation in a tenant: in the user's own, for whoever's data scope reaches the subject;
     * in a township of the county, for its county administrator, the subject being one of that
     * township's (otherwise 404).
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public SubjectResult explain(CurrentUser user, long tenantId, String targetCode, String cycleKey,
                                 SubjectRef subject) {
        if (tenantId == user.tenantId()) {
            subjects.requireVisible(user, subject);
        } else {
            requireReader(user, tenantId);
            subjects.requireInTenant(tenantId, subject);
        }
        MethodVersion v = active(tenantId);
        return engine(tenantId, v.definition(), v.id(), false).explain(targetCode, CycleWindow.parse(cycleKey), subject);
    }

    /** The targets of a tenant's method: the own tenant's, or a county township's for its county administrator. */
    public List<TargetInfo> targets(CurrentUser user, long tenantId) {
        if (tenantId != user.tenantId()) {
            requireReader(user, tenantId);
        }
        return targets(tenantId);
    }

    /**
     * The townships whose rankings and explanations the user may read besides the own tenant's:
     * for a county administrator the county's townships that have adopted a method, else none.
     */
    public List<Tenant> countyTownships(CurrentUser user) {
        if (!user.has(Role.COUNTY_ADMIN)) {
            return List.of();
        }
        return tenants.reachableBy(user).stream().filter(id -> id != user.tenantId())
                .map(id -> tenants.find(id).orElseThrow())
                .filter(t -> t.active() && methods.active(t.id()).isPresent()).toList();
    }

    /**
     * Reading a tenant's results: the own for the leadership and the discipline office; another
     * only within the county administrator's reach (else 404, so that guessed ids reveal nothing),
     * and only reading — every write keeps asking for the roles of the own tenant.
     */
    public void requireReader(CurrentUser user, long tenantId) {
        if (tenantId == user.tenantId()) {
            requireReader(user);
            return;
        }
        tenants.requireReachable(user, tenantId);
        if (!user.has(Role.COUNTY_ADMIN)) {
            throw new AccessDeniedException();
        }
    }

    /** Computes and stores the ranking, for the record (e.g. before it is published). */
    @Transactional(isolation = Isolation.REPEATABLE_READ)
    public Run run(CurrentUser user, String targetCode, String cycleKey) {
        if (!user.has(Role.LEADERSHIP) && !user.has(Role.DISCIPLINE)) {
            throw new AccessDeniedException();
        }
        MethodVersion v = active(user.tenantId());
        Ranking r = engine(user.tenantId(), v.definition(), v.id(), true).rank(targetCode, CycleWindow.parse(cycleKey));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Row row : r.rows()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("subject", row.result().subject().key());
            m.put("name", row.result().name());
            m.put("rank", row.rank());
            m.put("score", row.result().score().toString());
            m.put("flagged", row.result().flagged());
            m.put("vetoed", row.result().vetoed());
            rows.add(m);
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        long id = jdbc.sql("""
                insert into assessment_run (tenant_id, method_version_id, target_code, cycle_key, run_by, run_at, results)
                values (:t, :v, :c, :k, :by, :at, cast(:results as jsonb)) returning id
                """).param("t", user.tenantId()).param("v", v.id()).param("c", r.targetCode()).param("k", r.cycleKey())
                .param("by", user.username()).param("at", now).param("results", json.writeValueAsString(rows))
                .query(Long.class).single();
        journal.record(user.tenantId(), "assessment.run", "assessment_run", id,
                "计算 " + r.targetName() + " " + r.cycleKey() + "（" + r.rows().size() + " 名）", null,
                Map.of("target", r.targetCode(), "cycle", r.cycleKey(), "methodVersion", v.id()), null);
        return new Run(id, v.id(), r.targetCode(), r.cycleKey(), user.username(), now, r);
    }

    /**
     * The stored runs of a target and cycle, the latest first (either may be left out: all of them),
     * in a tenant the user may read: the own (leadership, discipline office) or a township of the
     * county for its county administrator; at most 200.
     */
    @Transactional(readOnly = true)
    public List<RunSummary> runs(CurrentUser user, long tenantId, String targetCode, String cycleKey) {
        requireReader(user, tenantId);
        String cycle = cycleKey == null || cycleKey.isBlank() ? null : CycleWindow.parse(cycleKey).key();
        String target = targetCode == null || targetCode.isBlank() ? null : targetCode.strip();
        return jdbc.sql("""
                select id, method_version_id, target_code, cycle_key, run_by, run_at, jsonb_array_length(results) as n
                from assessment_run
                where tenant_id = :t and (cast(:c as varchar) is null or target_code = :c)
                  and (cast(:k as varchar) is null or cycle_key = :k)
                order by run_at desc, id desc
                limit 200
                """).param("t", tenantId).param("c", target).param("k", cycle)
                .query((rs, n) -> runSummary(rs)).list();
    }

    /** One stored run with its rows as stored; another tenant's run, or one out of reach, answers 404. */
    @Transactional(readOnly = true)
    public StoredRun storedRun(CurrentUser user, long tenantId, long id) {
        requireReader(user, tenantId);
        record Raw(RunSummary summary, String results) {
        }
        Raw raw = jdbc.sql("""
                select id, method_version_id, target_code, cycle_key, run_by, run_at, jsonb_array_length(results) as n,
                       cast(results as text) as results
                from assessment_run where tenant_id = :t and id = :id
                """).param("t", tenantId).param("id", id)
                .query((rs, n) -> new Raw(runSummary(rs), rs.getString("results"))).optional()
                .orElseThrow(() -> new cn.taizhang.shared.NotFoundException("assessment_run", id));
        List<RunRow> rows = new ArrayList<>();
        for (var node : json.readTree(raw.results())) {
            rows.add(new RunRow(node.get("subject").asString(), node.get("name").asString(), node.get("rank").asInt(),
                    node.get("score").asString(), node.get("flagged").asBoolean(), node.get("vetoed").asBoolean()));
        }
        return new StoredRun(raw.summary(), rows);
    }

    private static RunSummary runSummary(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new RunSummary(rs.getLong("id"), rs.getLong("method_version_id"), rs.getString("target_code"),
                rs.getString("cycle_key"), rs.getString("run_by"), rs.getObject("run_at", OffsetDateTime.class),
                rs.getInt("n"));
    }

    /**
     * What-if: the same cycle computed with an edited copy of the method (YAML, validated like any
     * draft), side by side with the adopted method. Nothing is stored.
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public WhatIf whatIf(CurrentUser user, String editedYaml, String targetCode, String cycleKey) {
        return whatIf(user, user.tenantId(), editedYaml, targetCode, cycleKey);
    }

    /**
     * What-if in a tenant the user may read: the own, or a township of the county for its county
     * administrator, on a copy of that township's method. It computes and compares only; nothing
     * is stored and nothing adopted (adoption is the township's, in the method module).
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public WhatIf whatIf(CurrentUser user, long tenantId, String editedYaml, String targetCode, String cycleKey) {
        requireReader(user, tenantId);
        return whatIf(user, tenantId, catalog.check(editedYaml).requireValid(), targetCode, cycleKey);
    }

    /**
     * What-if with an edited copy of the adopted definition (the what-if page edits weights, the
     * missing-group rule, bonuses and vetoes of the adopted one). Nothing is stored.
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public WhatIf whatIf(CurrentUser user, MethodDefinition edited, String targetCode, String cycleKey) {
        return whatIf(user, user.tenantId(), edited, targetCode, cycleKey);
    }

    /** What-if with an edited copy of a readable tenant's adopted definition; nothing is stored. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public WhatIf whatIf(CurrentUser user, long tenantId, MethodDefinition edited, String targetCode, String cycleKey) {
        requireReader(user, tenantId);
        MethodVersion v = active(tenantId);
        CycleWindow cycle = CycleWindow.parse(cycleKey);
        Ranking before = engine(tenantId, v.definition(), v.id(), true).rank(targetCode, cycle);
        Ranking after = engine(tenantId, edited, 0, true).rank(targetCode, cycle);
        Map<SubjectRef, Row> a = new LinkedHashMap<>();
        after.rows().forEach(r -> a.put(r.result().subject(), r));
        List<Change> changes = new ArrayList<>();
        for (Row b : before.rows()) {
            Row x = a.remove(b.result().subject());
            changes.add(new Change(b.result().subject(), b.result().name(), b.rank(), b.result().score(),
                    x == null ? null : x.rank(), x == null ? null : x.result().score()));
        }
        a.values().forEach(x -> changes.add(new Change(x.result().subject(), x.result().name(), null, null, x.rank(),
                x.result().score())));
        return new WhatIf(targetCode, cycle.key(), changes);
    }

    /**
     * The proposals a consequence of the method makes from its ranking in a cycle: gold board (top
     * N), commendation loss and admonishment (bottom N), the 优秀 quota (at most the quota's share
     * of the ranked persons, rounded down), group funds (each group's share in proportion to its
     * positive score). Nothing is stored: an authorised person confirms them (the board issue).
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public List<Proposal> consequences(CurrentUser user, String consequenceCode, String cycleKey) {
        return consequences(user, user.tenantId(), consequenceCode, cycleKey, null);
    }

    /**
     * The preview in a tenant the user may read (the own, or a county township for its county
     * administrator). Group funds given the fund pool in yuan ({@code poolYuan}: positive, at most
     * two decimals, for a cycle of the release period, as when generating) answer each group's
     * amount, apportioned to the fen so that they add up exactly to the pool; no other consequence
     * takes a pool. Nothing is stored.
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public List<Proposal> consequences(CurrentUser user, long tenantId, String consequenceCode, String cycleKey,
                                       BigDecimal poolYuan) {
        requireReader(user, tenantId);
        MethodVersion v = active(tenantId);
        var c = list(v.definition().consequences()).stream().filter(x -> x.code().equals(consequenceCode)).findFirst()
                .orElseThrow(() -> DomainException.atField("consequence", "scoring.consequence.unknown", consequenceCode));
        if (c.basedOn() == null) {
            throw DomainException.atField("consequence", "scoring.consequence.noBasis", c.name());
        }
        CycleWindow window = CycleWindow.parse(cycleKey);
        Money pool = poolYuan == null && c.kind() == MethodDefinition.ConsequenceKind.GROUP_FUNDS ? null
                : FundPool.of(v.definition(), c, window, poolYuan, "pool");
        Ranking r = engine(tenantId, v.definition(), v.id(), true).rank(c.basedOn(), window);
        List<Row> rows = r.rows().stream()
                .filter(x -> c.subjects() == null || c.subjects().isEmpty() || c.subjects().contains(x.result().subject().kind()))
                .filter(x -> !x.result().vetoed()).toList();
        List<Proposal> out = new ArrayList<>();
        switch (c.kind()) {
            case GOLD_BOARD -> {
                for (var kind : rows.stream().map(x -> x.result().subject().kind()).distinct().toList()) {
                    rows.stream().filter(x -> x.result().subject().kind() == kind)
                            .filter(x -> c.topN() == null || x.rank() <= c.topN())
                            // a score of nothing earns no reward: without this, units all at 0.00 share rank 1
                            .filter(x -> x.result().score().value().signum() > 0)
                            .forEach(x -> out.add(proposal(c, x, null, null)));
                }
            }
            case GRADE_QUOTA -> {
                List<Row> persons = rows.stream()
                        .filter(x -> x.result().subject().kind() == MethodDefinition.SubjectKind.PERSON).toList();
                int quota = persons.size() * (c.quotaPercent() == null ? 20 : c.quotaPercent()) / 100;
                // whole rank groups only, while they fit: a tie across the quota would exceed "at most"
                int taken = 0;
                for (int rank : persons.stream().map(Row::rank).distinct().toList()) {
                    List<Row> group = persons.stream().filter(x -> x.rank() == rank).toList();
                    if (taken + group.size() > quota) {
                        break;
                    }
                    group.forEach(x -> out.add(proposal(c, x, null, null)));
                    taken += group.size();
                }
            }
            case COMMENDATION_LOSS, ADMONISHMENT -> {
                // the seed names no number for 诫勉谈话 (wubu: "较差或较低"): the lowest result, by default
                int bottomN = c.bottomN() == null ? 1 : c.bottomN();
                {
                    for (var kind : rows.stream().map(x -> x.result().subject().kind()).distinct().toList()) {
                        List<Row> own = rows.stream().filter(x -> x.result().subject().kind() == kind).toList();
                        int worst = own.isEmpty() ? 0 : own.get(own.size() - 1).rank();
                        List<Integer> ranks = own.stream().map(Row::rank).distinct().sorted(java.util.Comparator.reverseOrder())
                                .limit(bottomN).toList();
                        own.stream().filter(x -> ranks.contains(x.rank()) && worst > 0)
                                .forEach(x -> out.add(proposal(c, x, null, null)));
                    }
                }
            }
            case GROUP_FUNDS -> {
                List<BigDecimal> weights = rows.stream().map(x -> x.result().score().value().max(BigDecimal.ZERO))
                        .toList();
                BigDecimal total = weights.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
                if (pool != null && total.signum() == 0) {
                    throw DomainException.atField("cycle", "assessment.funds.noPositiveScore", window.key(), pool.yuan());
                }
                List<Money> amounts = pool == null ? null : pool.apportion(weights);
                for (int i = 0; i < rows.size(); i++) {
                    Row x = rows.get(i);
                    BigDecimal share = total.signum() == 0 ? BigDecimal.ZERO
                            : weights.get(i).multiply(BigDecimal.valueOf(100)).divide(total, 8, java.math.RoundingMode.HALF_UP);
                    out.add(proposal(c, x, Score.of(share), amounts == null ? null : amounts.get(i)));
                }
            }
            default -> {
                // PROMOTION_BASIS, PERFORMANCE_FILE, BONUS_LINK, rewards: the ranking itself is the basis
            }
        }
        return out;
    }

    private static Proposal proposal(MethodDefinition.Consequence c, Row x, Score share, Money amount) {
        return new Proposal(c.code(), c.name(), c.kind().name(), x.result().subject(), x.result().name(), x.rank(),
                x.result().score(), share, amount);
    }

    /** A county ranking (bonus or veto), a commendation or a leader's correction of a composite, with its reason. */
    @Transactional
    public long enterInput(CurrentUser user, InputEntry in) {
        if (!user.has(Role.LEADERSHIP)) {
            throw new AccessDeniedException();
        }
        MethodDefinition d = active(user.tenantId()).definition();
        Composite c = list(d.composites()).stream().filter(x -> x.code().equals(in.compositeCode())).findFirst()
                .orElseThrow(() -> DomainException.atField("compositeCode", "scoring.target.unknown", String.valueOf(in.compositeCode())));
        CycleWindow cycle = CycleWindow.parse(in.cycleKey());
        if (c.cycles().stream().noneMatch(x -> x.period() == cycle.period())) {
            throw DomainException.atField("cycleKey", "scoring.cycle.notInTarget", cycle.key(), c.name(),
                    c.cycles().stream().map(x -> x.period().name()).reduce((x, y) -> x + ", " + y).orElse(""));
        }
        if (in.reason() == null || in.reason().isBlank()) {
            throw DomainException.atField("reason", "scoring.reason.required");
        }
        String kind = in.kind() == null ? "" : in.kind();
        switch (kind) {
            case "BONUS" -> {
                if (!list(c.bonuses()).contains(in.code())) {
                    throw DomainException.atField("code", "scoring.note.bonusNotInComposite", String.valueOf(in.code()));
                }
                var bonus = d.bonuses().stream().filter(b -> b.code().equals(in.code())).findFirst().orElseThrow();
                if (!list(bonus.rankPoints()).isEmpty() && (in.countyRank() == null || in.countyRank() < 1)) {
                    throw DomainException.atField("countyRank", "scoring.input.rankRequired");
                }
                if (list(bonus.rankPoints()).isEmpty() && bonus.points() == null && in.points() == null) {
                    throw DomainException.atField("points", "scoring.points.required");
                }
            }
            case "VETO" -> {
                if (!list(c.vetoes()).contains(in.code())) {
                    throw DomainException.atField("code", "scoring.note.vetoNotInComposite", String.valueOf(in.code()));
                }
            }
            case "CORRECTION" -> {
                if (!c.leaderCorrection()) {
                    throw DomainException.atField("kind", "scoring.note.noLeaderCorrection");
                }
                if (in.points() == null) {
                    throw DomainException.atField("points", "scoring.points.required");
                }
            }
            default -> throw DomainException.atField("kind", "scoring.input.badKind", kind);
        }
        String name = subjects.requireInTenant(user.tenantId(), in.subject());
        long id = jdbc.sql("""
                insert into composite_input (tenant_id, composite_code, cycle_key, subject_kind, subject_id, kind, code,
                    county_rank, points, reason, entered_by, entered_at)
                values (:t, :c, :k, :sk, :s, :kind, :code, :rank, :points, :reason, :by, :at) returning id
                """).param("t", user.tenantId()).param("c", c.code()).param("k", cycle.key())
                .param("sk", in.subject().kind().name()).param("s", in.subject().id()).param("kind", kind)
                .param("code", "CORRECTION".equals(kind) ? null : in.code()).param("rank", in.countyRank())
                .param("points", in.points()).param("reason", in.reason().trim()).param("by", user.username())
                .param("at", OffsetDateTime.now(clock)).query(Long.class).single();
        journal.record(user.tenantId(), "composite.input", "composite_input", id,
                c.name() + " " + cycle.key() + " " + name + " " + kind + (in.code() == null ? "" : " " + in.code()), null,
                Map.of("kind", kind, "subject", in.subject().key()), in.reason().trim());
        return id;
    }

    AssessmentEngine engine(long tenantId, MethodDefinition d, long versionId, boolean bulk) {
        return new AssessmentEngine(d, versionId, new JdbcFacts(jdbc, tenantId, organisation, compliance, bulk));
    }

    private MethodVersion active(long tenantId) {
        return methods.active(tenantId).orElseThrow(() -> new DomainException("scoring.method.none"));
    }

    private static void requireReader(CurrentUser user) {
        if (!user.hasAny(Role.LEADERSHIP, Role.DISCIPLINE)) {
            throw new AccessDeniedException();
        }
    }

    private static <T> List<T> list(List<T> l) {
        return l == null ? List.of() : l;
    }
}
