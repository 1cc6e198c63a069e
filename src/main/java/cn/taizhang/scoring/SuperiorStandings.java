package cn.taizhang.scoring;

import cn.taizhang.audit.AuditJournal;
import cn.taizhang.method.MethodDefinition.Consequence;
import cn.taizhang.method.MethodDefinition.ConsequenceKind;
import cn.taizhang.method.TenantMethods;
import cn.taizhang.shared.AccessDeniedException;
import cn.taizhang.shared.CurrentUser;
import cn.taizhang.shared.DomainException;
import cn.taizhang.shared.Role;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 上级排名: a subject's standing in the superior's (county or district) assessment of the domain
 * a rise reward names (FUND-2) — huaqiao's 计划生育工作全区排名 of the 计生组, this year and the
 * year before. The leadership records it from the superior's published ranking, with the source
 * as its reason; the rank for a ranking-rise reward, the class number (1 the best) for a
 * class-rise reward. A later entry for the same cycle and subject counts instead of the earlier,
 * which stays on record.
 */
@Service
public class SuperiorStandings {

    /** One entry as recorded. */
    public record Entry(String consequenceCode, String cycleKey, SubjectRef subject, Integer standing, String reason) {
    }

    /**
     * A subject's standing this cycle and the cycle before (null where none is recorded), the
     * latest entry of each.
     */
    public record Pair(SubjectRef subject, String name, Integer standing, Integer previous) {
        /** Places risen (positive) or fallen (negative); null without both standings. */
        public Integer rise() {
            return standing == null || previous == null ? null : previous - standing;
        }
    }

    /** What is recorded for a rise reward in a cycle and the cycle before it. */
    public record Standings(String consequenceCode, String consequenceName, String kind, String cycleKey,
                            String previousCycleKey, List<Pair> pairs) {
    }

    private final JdbcClient jdbc;
    private final TenantMethods methods;
    private final Subjects subjects;
    private final AuditJournal journal;
    private final Assessments assessments;
    private final Clock clock;

    SuperiorStandings(JdbcClient jdbc, TenantMethods methods, Subjects subjects, AuditJournal journal,
                      Assessments assessments, Clock clock) {
        this.assessments = assessments;
        this.jdbc = jdbc;
        this.methods = methods;
        this.subjects = subjects;
        this.journal = journal;
        this.clock = clock;
    }

    static boolean isRise(Consequence c) {
        return c.kind() == ConsequenceKind.RANKING_RISE_REWARD || c.kind() == ConsequenceKind.CLASS_RISE_REWARD;
    }

    /** The rise rewards of the adopted method, the consequences a standing can be recorded for. */
    public List<Consequence> riseRewards(long tenantId) {
        return consequences(tenantId).stream().filter(SuperiorStandings::isRise).toList();
    }

    /** Records a standing (the leadership). */
    @Transactional
    public long enter(CurrentUser user, Entry in) {
        if (!user.has(Role.LEADERSHIP)) {
            throw new AccessDeniedException();
        }
        Consequence c = rise(user.tenantId(), in.consequenceCode());
        CycleWindow cycle = CycleWindow.parse(in.cycleKey());
        if (in.subject() == null) {
            throw DomainException.atField("subject", "assessment.standing.subjectRequired");
        }
        if (c.subjects() != null && !c.subjects().isEmpty() && !c.subjects().contains(in.subject().kind())) {
            throw DomainException.atField("subject", "assessment.standing.wrongKind", c.name(),
                    String.join("、", c.subjects().stream().map(Enum::name).toList()));
        }
        if (in.standing() == null || in.standing() < 1) {
            throw DomainException.atField("standing", c.kind() == ConsequenceKind.CLASS_RISE_REWARD
                    ? "assessment.standing.classRequired" : "assessment.standing.rankRequired");
        }
        if (in.reason() == null || in.reason().isBlank()) {
            throw DomainException.atField("reason", "scoring.reason.required");
        }
        if (in.reason().strip().length() > 1000) {
            throw DomainException.atField("reason", "assessment.proposal.reasonTooLong", "1000");
        }
        String name = subjects.requireInTenant(user.tenantId(), in.subject());
        long id = jdbc.sql("""
                insert into superior_standing (tenant_id, consequence_code, cycle_key, subject_kind, subject_id, standing,
                    reason, entered_by, entered_at)
                values (:t, :c, :k, :sk, :s, :standing, :reason, :by, :at) returning id
                """).param("t", user.tenantId()).param("c", c.code()).param("k", cycle.key())
                .param("sk", in.subject().kind().name()).param("s", in.subject().id()).param("standing", in.standing())
                .param("reason", in.reason().strip()).param("by", user.username()).param("at", OffsetDateTime.now(clock))
                .query(Long.class).single();
        journal.record(user.tenantId(), "superior.standing", "superior_standing", id,
                c.name() + " " + cycle.key() + " " + name + "：" + in.standing(), null,
                Map.of("consequence", c.code(), "cycle", cycle.key(), "subject", in.subject().key(),
                        "standing", in.standing()), in.reason().strip());
        return id;
    }

    /** The standings of a cycle and the cycle before it, per subject (leadership and discipline office). */
    @Transactional(readOnly = true)
    public Standings of(CurrentUser user, String consequenceCode, String cycleKey) {
        return of(user, user.tenantId(), consequenceCode, cycleKey);
    }

    /**
     * The standings in a tenant the user may read results of: the own, or a township of the county
     * for its county administrator, read-only (ORG-5); another county's township answers 404.
     */
    @Transactional(readOnly = true)
    public Standings of(CurrentUser user, long tenantId, String consequenceCode, String cycleKey) {
        assessments.requireReader(user, tenantId);
        return of(tenantId, rise(tenantId, consequenceCode), CycleWindow.parse(cycleKey));
    }

    Standings of(long tenantId, Consequence c, CycleWindow cycle) {
        CycleWindow before = cycle.previous();
        Map<SubjectRef, Integer[]> bySubject = new LinkedHashMap<>();
        jdbc.sql("""
                select distinct on (cycle_key, subject_kind, subject_id) cycle_key, subject_kind, subject_id, standing
                from superior_standing
                where tenant_id = :t and consequence_code = :c and cycle_key in (:now, :before)
                order by cycle_key, subject_kind, subject_id, id desc
                """).param("t", tenantId).param("c", c.code()).param("now", cycle.key()).param("before", before.key())
                .query(rs -> {
                    SubjectRef s = SubjectRef.parse(rs.getString("subject_kind"), rs.getLong("subject_id"));
                    Integer[] pair = bySubject.computeIfAbsent(s, k -> new Integer[2]);
                    pair[cycle.key().equals(rs.getString("cycle_key")) ? 0 : 1] = rs.getInt("standing");
                });
        List<Pair> pairs = new ArrayList<>();
        bySubject.forEach((s, p) -> pairs.add(new Pair(s, subjects.name(tenantId, s), p[0], p[1])));
        pairs.sort(Comparator.comparing((Pair p) -> p.standing() == null ? Integer.MAX_VALUE : p.standing())
                .thenComparing(Pair::name));
        return new Standings(c.code(), c.name(), c.kind().name(), cycle.key(), before.key(), pairs);
    }

    private Consequence rise(long tenantId, String code) {
        Consequence c = consequences(tenantId).stream().filter(x -> x.code().equals(code)).findFirst()
                .orElseThrow(() -> DomainException.atField("consequence", "scoring.consequence.unknown",
                        String.valueOf(code)));
        if (!isRise(c)) {
            throw DomainException.atField("consequence", "assessment.standing.notARise", c.name());
        }
        return c;
    }

    private List<Consequence> consequences(long tenantId) {
        var d = methods.active(tenantId).orElseThrow(() -> new DomainException("scoring.method.none")).definition();
        return d.consequences() == null ? List.of() : d.consequences();
    }
}
