package cn.taizhang.scoring;

import cn.taizhang.audit.AuditJournal;
import cn.taizhang.method.MethodDefinition;
import cn.taizhang.method.MethodDefinition.Assessment;
import cn.taizhang.method.MethodDefinition.Ballot;
import cn.taizhang.method.MethodDefinition.Component;
import cn.taizhang.method.MethodDefinition.ComponentSource;
import cn.taizhang.method.MethodDefinition.SubjectKind;
import cn.taizhang.method.MethodVersion;
import cn.taizhang.method.TenantMethods;
import cn.taizhang.org.DataScope;
import cn.taizhang.org.OrgUnit;
import cn.taizhang.org.Organisation;
import cn.taizhang.shared.AccessDeniedException;
import cn.taizhang.shared.CurrentUser;
import cn.taizhang.shared.DomainException;
import cn.taizhang.shared.NotFoundException;
import cn.taizhang.shared.Role;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rating sheets: who rated whom, in which rater group, for which assessment component and cycle.
 * One rater rates one ratee once per component and cycle; a second sheet replaces nothing and is
 * refused. The live channels (meeting ballots on phones, survey links) will hand their results here.
 */
@Service
public class RatingSheets {

    public enum RaterKind { PERSON, CONTACT, BALLOT }

    public record Entry(String assessmentCode, String componentCode, String cycleKey, RaterKind raterKind,
                        String raterRef, String raterGroup, SubjectRef ratee, BigDecimal score, String comment,
                        String idempotencyKey) {
    }

    public record Sheet(long id, long methodVersionId, String assessmentCode, String componentCode, String cycleKey,
                        String raterKind, String raterRef, String raterGroup, String rateeKind, long rateeId,
                        BigDecimal score, String comment, String enteredBy, OffsetDateTime enteredAt) {
    }

    private static final BigDecimal DEFAULT_MAX = BigDecimal.valueOf(100);

    private final JdbcClient jdbc;
    private final TenantMethods methods;
    private final Subjects subjects;
    private final Organisation organisation;
    private final AuditJournal journal;
    private final Clock clock;

    RatingSheets(JdbcClient jdbc, TenantMethods methods, Subjects subjects, Organisation organisation,
                 AuditJournal journal, Clock clock) {
        this.jdbc = jdbc;
        this.methods = methods;
        this.subjects = subjects;
        this.organisation = organisation;
        this.journal = journal;
        this.clock = clock;
    }

    @Transactional
    public Sheet enter(CurrentUser user, Entry in) {
        if (!user.hasAny(Role.LEADERSHIP, Role.DISCIPLINE)) {
            throw new AccessDeniedException();
        }
        long tenantId = user.tenantId();
        String key = in.idempotencyKey() == null || in.idempotencyKey().isBlank() ? null : in.idempotencyKey().trim();
        if (key != null) {
            Optional<Sheet> existing = byKey(tenantId, key);
            if (existing.isPresent()) {
                return existing.get();
            }
        }
        MethodVersion version = methods.active(tenantId).orElseThrow(() -> new DomainException("scoring.method.none"));
        MethodDefinition method = version.definition();
        Assessment a = method.assessments().stream().filter(x -> x.code().equals(in.assessmentCode())).findFirst()
                .orElseThrow(() -> DomainException.atField("assessmentCode", "scoring.target.unknown", String.valueOf(in.assessmentCode())));
        Component c = a.components().stream().filter(x -> x.code().equals(in.componentCode())).findFirst()
                .orElseThrow(() -> DomainException.atField("componentCode", "scoring.sheet.unknownComponent",
                        String.valueOf(in.componentCode()), a.name()));
        if (c.source() == ComponentSource.EVENTS) {
            throw DomainException.atField("componentCode", "scoring.sheet.eventsComponent", c.name());
        }
        CycleWindow cycle = CycleWindow.parse(in.cycleKey());
        if (a.cycles().stream().noneMatch(x -> x.period() == cycle.period())) {
            throw DomainException.atField("cycleKey", "scoring.cycle.notInTarget", cycle.key(), a.name(),
                    a.cycles().stream().map(x -> x.period().name()).reduce((x, y) -> x + ", " + y).orElse(""));
        }
        if (cycle.start().isAfter(CycleWindow.today(clock))) {
            throw DomainException.atField("cycleKey", "scoring.sheet.futureCycle", cycle.key());
        }
        if (closed(tenantId, a.code(), cycle.key())) {
            throw DomainException.atField("cycleKey", "scoring.sheet.cycleClosed", cycle.key(), a.name());
        }
        if (c.raters() == null || c.raters().stream().noneMatch(r -> r.group().equals(in.raterGroup()))) {
            throw DomainException.atField("raterGroup", "scoring.sheet.raterNotInGroup", String.valueOf(in.raterGroup()), c.name());
        }
        if (in.ratee() == null) {
            throw DomainException.atField("rateeId", "scoring.sheet.rateeRequired");
        }
        if (!a.subjects().contains(in.ratee().kind())) {
            throw DomainException.atField("rateeKind", "scoring.sheet.rateeKind", in.ratee().kind().name(), a.name());
        }
        String rateeName = subjects.requireInTenant(tenantId, in.ratee());
        RaterKind rk = in.raterKind();
        String ref = in.raterRef() == null ? "" : in.raterRef().trim();
        if (rk == null || ref.isEmpty()) {
            throw DomainException.atField("raterRef", "scoring.sheet.raterRequired");
        }
        switch (rk) {
            case PERSON -> {
                long pid = parseId(ref);
                subjects.requireInTenant(tenantId, new SubjectRef(SubjectKind.PERSON, pid));
                if (in.ratee().kind() == SubjectKind.PERSON && in.ratee().id() == pid) {
                    throw DomainException.atField("raterRef", "scoring.sheet.selfRating");
                }
                ref = String.valueOf(pid);
            }
            case CONTACT -> {
                long cid = parseId(ref);
                if (!contactExists(tenantId, cid)) {
                    throw new NotFoundException("external_contact", cid);
                }
                ref = String.valueOf(cid);
            }
            case BALLOT -> {
                List<Ballot> ballots = c.ballots() == null ? List.of() : c.ballots();
                if (!ballots.contains(Ballot.MEETING_BALLOT) && !ballots.contains(Ballot.PAPER_QUESTIONNAIRE)) {
                    throw DomainException.atField("raterKind", "scoring.sheet.ballotNotAllowed", c.name());
                }
                if (ref.length() > 40) {
                    throw DomainException.atField("raterRef", "scoring.sheet.ballotTooLong");
                }
            }
        }
        BigDecimal max = c.maxScore() == null ? DEFAULT_MAX : c.maxScore();
        if (in.score() == null || in.score().signum() < 0 || in.score().compareTo(max) > 0) {
            throw DomainException.atField("score", "scoring.sheet.scoreOutOfRange",
                    in.score() == null ? "" : in.score().toPlainString(), max.toPlainString());
        }
        Optional<Long> id = jdbc.sql("""
                insert into rating_sheet (tenant_id, method_version_id, assessment_code, component_code, cycle_key,
                    rater_kind, rater_ref, rater_group, ratee_kind, ratee_id, score, comment, entered_by, entered_at,
                    idempotency_key)
                values (:t, :v, :a, :c, :k, :rk, :ref, :g, :ek, :e, :score, :comment, :by, :at, :key)
                on conflict do nothing returning id
                """).param("t", tenantId).param("v", version.id()).param("a", a.code()).param("c", c.code())
                .param("k", cycle.key()).param("rk", rk.name()).param("ref", ref).param("g", in.raterGroup())
                .param("ek", in.ratee().kind().name()).param("e", in.ratee().id())
                .param("score", Score.of(in.score()).value()).param("comment", in.comment())
                .param("by", user.username()).param("at", OffsetDateTime.now(clock)).param("key", key)
                .query(Long.class).optional();
        if (id.isEmpty()) {
            if (key != null) {
                Optional<Sheet> same = byKey(tenantId, key);
                if (same.isPresent()) {
                    return same.get();
                }
            }
            throw DomainException.atField("raterRef", "scoring.sheet.duplicate", rateeName, c.name(), cycle.key());
        }
        journal.record(tenantId, "sheet.entered", "rating_sheet", id.get(),
                a.name() + " " + cycle.key() + " " + rateeName + " " + Score.of(in.score()), null,
                Map.of("group", in.raterGroup(), "rater", rk == RaterKind.BALLOT ? "ballot" : rk + "-" + ref,
                        "score", Score.of(in.score()).toString()), null);
        return sheet(tenantId, id.get());
    }

    /** Closes an assessment's cycle: its results are final and no further sheet is taken. */
    @Transactional
    public void close(CurrentUser user, String assessmentCode, String cycleKey) {
        if (!user.has(Role.LEADERSHIP)) {
            throw new AccessDeniedException();
        }
        CycleWindow cycle = CycleWindow.parse(cycleKey);
        jdbc.sql("""
                insert into assessment_cycle_closure (tenant_id, assessment_code, cycle_key, closed_by, closed_at)
                values (:t, :a, :k, :by, :at) on conflict do nothing
                """).param("t", user.tenantId()).param("a", assessmentCode).param("k", cycle.key())
                .param("by", user.username()).param("at", OffsetDateTime.now(clock)).update();
        journal.record(user.tenantId(), "cycle.closed", "assessment_cycle", assessmentCode + "/" + cycle.key(),
                "关闭测评周期 " + assessmentCode + " " + cycle.key(), null, Map.of("closed", true), null);
    }

    public boolean closed(long tenantId, String assessmentCode, String cycleKey) {
        return jdbc.sql("select count(*) from assessment_cycle_closure where tenant_id = :t and assessment_code = :a and cycle_key = :k")
                .param("t", tenantId).param("a", assessmentCode).param("k", cycleKey).query(Long.class).single() > 0;
    }

    public List<Sheet> recent(CurrentUser user, int limit) {
        if (!user.hasAny(Role.LEADERSHIP, Role.DISCIPLINE)) {
            throw new AccessDeniedException();
        }
        return jdbc.sql(SHEET + " order by id desc limit :n").param("t", user.tenantId()).param("n", limit)
                .query(Sheet.class).list();
    }

    private static final String SHEET = """
            select id, method_version_id, assessment_code, component_code, cycle_key, rater_kind, rater_ref, rater_group,
                   ratee_kind, ratee_id, score, comment, entered_by, entered_at
            from rating_sheet where tenant_id = :t
            """;

    private Sheet sheet(long tenantId, long id) {
        return jdbc.sql(SHEET + " and id = :id").param("t", tenantId).param("id", id).query(Sheet.class).single();
    }

    private Optional<Sheet> byKey(long tenantId, String key) {
        return jdbc.sql(SHEET + " and idempotency_key = :k").param("t", tenantId).param("k", key).query(Sheet.class).optional();
    }

    private boolean contactExists(long tenantId, long contactId) {
        DataScope all = DataScope.wholeTenant(tenantId);
        for (OrgUnit u : organisation.tree(all, tenantId, false)) {
            if (organisation.contacts(all, u.id()).stream().anyMatch(c -> c.id() == contactId && c.active())) {
                return true;
            }
        }
        return false;
    }

    private static long parseId(String ref) {
        try {
            return Long.parseLong(ref);
        } catch (NumberFormatException e) {
            throw DomainException.atField("raterRef", "scoring.sheet.raterRequired");
        }
    }
}
