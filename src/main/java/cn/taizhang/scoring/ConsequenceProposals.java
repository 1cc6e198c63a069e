package cn.taizhang.scoring;

import cn.taizhang.audit.AuditJournal;
import cn.taizhang.board.BoardEntriesProposed;
import cn.taizhang.board.BoardEntry;
import cn.taizhang.method.MethodDefinition;
import cn.taizhang.method.MethodDefinition.BoardKind;
import cn.taizhang.method.MethodDefinition.Consequence;
import cn.taizhang.method.MethodDefinition.ConsequenceKind;
import cn.taizhang.method.MethodDefinition.SubjectKind;
import cn.taizhang.method.MethodVersion;
import cn.taizhang.method.TenantMethods;
import cn.taizhang.org.DataScope;
import cn.taizhang.org.Organisation;
import cn.taizhang.shared.AccessDeniedException;
import cn.taizhang.shared.CurrentUser;
import cn.taizhang.shared.DomainException;
import cn.taizhang.shared.NotFoundException;
import cn.taizhang.shared.Role;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * 考核结果运用 — the consequences of a computed cycle as stored proposals (ASSESS-11, FUND-1,
 * FUND-2): Gold Board candidates (金榜), admonishment talks (诫勉谈话), loss of commendation
 * eligibility (取消评先评优资格), the civil-service annual grade within the 优秀 quota, monthly
 * bonus deductions per person (绩效奖金扣减), group funds in proportion to the monthly score
 * (工作经费按比例发放: the month's fund pool apportioned to the fen) and the rewards for rising
 * in the superior's ranking or class (排名前进奖励、进类奖励, from the recorded {@link SuperiorStandings}).
 * The discipline office or the leadership generates them, the leadership confirms or rejects each
 * with a reason, and every step is journalled. A confirmed Gold Board candidate is handed to the
 * method's gold board as an entry of its draft.
 */
@Service
public class ConsequenceProposals {

    public enum State { PROPOSED, CONFIRMED, REJECTED, SUPERSEDED }

    /**
     * One stored proposal with its basis and, once decided, who decided, when and why. Group
     * funds carry the fund pool they share; rise rewards the superior standing this cycle and the
     * cycle before (rank or class number).
     */
    public record Stored(long id, String consequenceCode, String consequenceName, String kind, String targetCode,
                         String cycleKey, String monthKey, SubjectRef subject, String subjectName, Integer rank,
                         Score score, Score sharePercent, Money amount, boolean amountIsMinimum, Money fundPool,
                         Integer superiorStanding, Integer superiorPrevious, State state,
                         String generatedBy, OffsetDateTime generatedAt, String decidedBy, OffsetDateTime decidedAt,
                         String decisionReason, OffsetDateTime supersededAt) {
    }

    /**
     * What a generation did: how many it stored and how many pending ones it superseded; for
     * group funds the pool shared; for a rise reward the subjects that could not be judged because
     * a standing of this cycle or of the cycle before is not recorded.
     */
    public record Generated(String consequenceCode, String cycleKey, int stored, int superseded, Money fundPool,
                            List<String> incomplete) {
    }

    private final JdbcClient jdbc;
    private final TenantMethods methods;
    private final Assessments assessments;
    private final Organisation organisation;
    private final AuditJournal journal;
    private final SuperiorStandings standings;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;

    ConsequenceProposals(JdbcClient jdbc, TenantMethods methods, Assessments assessments, Organisation organisation,
                         SuperiorStandings standings, AuditJournal journal, ApplicationEventPublisher publisher,
                         Clock clock) {
        this.jdbc = jdbc;
        this.methods = methods;
        this.assessments = assessments;
        this.organisation = organisation;
        this.standings = standings;
        this.journal = journal;
        this.publisher = publisher;
        this.clock = clock;
    }

    /** The consequences of the adopted method that can be generated (they have a rule to compute). */
    public List<Consequence> generable(long tenantId) {
        return list(active(tenantId).definition().consequences()).stream().filter(ConsequenceProposals::generable).toList();
    }

    private static boolean generable(Consequence c) {
        return switch (c.kind()) {
            case GOLD_BOARD, ADMONISHMENT, COMMENDATION_LOSS, GRADE_QUOTA, GROUP_FUNDS -> c.basedOn() != null;
            case RANKING_RISE_REWARD, CLASS_RISE_REWARD -> true;
            case BONUS_LINK -> c.subjects() == null || c.subjects().isEmpty() || c.subjects().contains(SubjectKind.PERSON);
            default -> false;
        };
    }

    /** Computes a consequence that needs no fund pool; see {@link #generate(CurrentUser, String, String, BigDecimal)}. */
    @Transactional(isolation = Isolation.REPEATABLE_READ)
    public Generated generate(CurrentUser user, String consequenceCode, String cycleKey) {
        return generate(user, consequenceCode, cycleKey, null);
    }

    /**
     * Computes a consequence for a cycle and stores its proposals. Pending proposals of an earlier
     * generation are marked SUPERSEDED (kept on record); once one is confirmed the cycle's
     * consequence is settled and a regeneration is refused. Group funds need the cycle's fund pool
     * in yuan (positive, at most two decimals); no other consequence takes one.
     */
    @Transactional(isolation = Isolation.REPEATABLE_READ)
    public Generated generate(CurrentUser user, String consequenceCode, String cycleKey, BigDecimal fundPoolYuan) {
        if (!user.hasAny(Role.LEADERSHIP, Role.DISCIPLINE)) {
            throw new AccessDeniedException();
        }
        MethodVersion v = active(user.tenantId());
        Consequence c = list(v.definition().consequences()).stream().filter(x -> x.code().equals(consequenceCode))
                .findFirst().orElseThrow(() -> DomainException.atField("consequence", "scoring.consequence.unknown",
                        String.valueOf(consequenceCode)));
        if (!generable(c)) {
            throw DomainException.atField("consequence", "assessment.proposal.notGenerable", c.name());
        }
        CycleWindow cycle = CycleWindow.parse(cycleKey);
        Money pool = FundPool.of(v.definition(), c, cycle, fundPoolYuan, "fundPool");
        long confirmed = jdbc.sql("""
                select count(*) from consequence_proposal
                where tenant_id = :t and consequence_code = :c and cycle_key = :k and state = 'CONFIRMED'
                """).param("t", user.tenantId()).param("c", c.code()).param("k", cycle.key()).query(Long.class).single();
        if (confirmed > 0) {
            throw DomainException.atField("cycle", "assessment.proposal.settled", c.name(), cycle.key(), confirmed);
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        int superseded = jdbc.sql("""
                update consequence_proposal set state = 'SUPERSEDED', superseded_at = :now
                where tenant_id = :t and consequence_code = :c and cycle_key = :k and state = 'PROPOSED'
                """).param("now", now).param("t", user.tenantId()).param("c", c.code()).param("k", cycle.key()).update();
        List<String> incomplete = new ArrayList<>();
        List<Row> rows = switch (c.kind()) {
            case BONUS_LINK -> bonusDeductions(user.tenantId(), cycle);
            case GROUP_FUNDS -> groupFunds(user, c, cycle, pool);
            case RANKING_RISE_REWARD, CLASS_RISE_REWARD -> riseRewards(user.tenantId(), c, cycle, incomplete);
            default -> fromRanking(user, c, cycle);
        };
        for (Row r : rows) {
            insert(user, v, c, cycle, r, pool, now);
        }
        Map<String, Object> after = new LinkedHashMap<>(Map.of("consequence", c.code(), "cycle", cycle.key(),
                "stored", rows.size(), "superseded", superseded, "methodVersion", v.id()));
        if (pool != null) {
            after.put("fundPool", pool.yuan());
        }
        if (!incomplete.isEmpty()) {
            after.put("incomplete", incomplete);
        }
        journal.record(user.tenantId(), "consequence.generated", "consequence_proposal", c.code() + "/" + cycle.key(),
                "生成 " + c.name() + " " + cycle.key() + " 的提议 " + rows.size() + " 条"
                        + (pool != null ? "，工作经费总额 " + pool.yuan() + " 元" : "")
                        + (superseded > 0 ? "，取代未决提议 " + superseded + " 条" : ""),
                null, after, null);
        return new Generated(c.code(), cycle.key(), rows.size(), superseded, pool, List.copyOf(incomplete));
    }

    private void insert(CurrentUser user, MethodVersion v, Consequence c, CycleWindow cycle, Row r, Money pool,
                        OffsetDateTime now) {
        try {
            jdbc.sql("""
                    insert into consequence_proposal (tenant_id, method_version_id, consequence_code, consequence_name,
                        kind, target_code, cycle_key, month_key, subject_kind, subject_id, subject_name, rank, score,
                        share_percent, amount_fen, amount_is_minimum, fund_pool_fen, superior_standing,
                        superior_previous, state, generated_by, generated_at)
                    values (:t, :v, :code, :name, :kind, :target, :k, :month, :sk, :sid, :sname, :rank, :score,
                        :share, :amount, :minimum, :pool, :standing, :previous, 'PROPOSED', :by, :at)
                    """).param("t", user.tenantId()).param("v", v.id()).param("code", c.code()).param("name", c.name())
                    .param("kind", c.kind().name()).param("target", c.basedOn()).param("k", cycle.key())
                    .param("month", r.month()).param("sk", r.subject().kind().name()).param("sid", r.subject().id())
                    .param("sname", r.name()).param("rank", r.rank())
                    .param("score", r.score() == null ? null : r.score().value())
                    .param("share", r.share() == null ? null : r.share().value()).param("amount", r.amountFen())
                    .param("minimum", r.amountIsMinimum()).param("pool", pool == null ? null : pool.fen())
                    .param("standing", r.standing()).param("previous", r.previous())
                    .param("by", user.username()).param("at", now).update();
        } catch (DuplicateKeyException e) {
            // another generation of the same consequence and cycle committed first
            throw new DomainException("assessment.proposal.concurrent");
        }
    }

    private record Row(SubjectRef subject, String name, Integer rank, Score score, Score share, Long amountFen,
                       boolean amountIsMinimum, String month, Integer standing, Integer previous) {

        Row(SubjectRef subject, String name, Integer rank, Score score, Score share, Long amountFen,
            boolean amountIsMinimum, String month) {
            this(subject, name, rank, score, share, amountFen, amountIsMinimum, month, null, null);
        }
    }

    private List<Row> fromRanking(CurrentUser user, Consequence c, CycleWindow cycle) {
        List<Row> out = new ArrayList<>();
        for (Assessments.Proposal p : assessments.consequences(user, c.code(), cycle.key())) {
            Long amount = c.kind() == ConsequenceKind.GOLD_BOARD ? c.rewardFen() : null;
            out.add(new Row(p.subject(), p.name(), p.rank(), p.score(), p.sharePercent(), amount,
                    amount != null && c.rewardIsMinimum(), null));
        }
        return out;
    }

    /**
     * 工作经费: each group's share of the pool in proportion to its positive score (a score of 0 or
     * below gets nothing), to the fen, the amounts adding up exactly to the pool
     * ({@link Money#apportion}: the fen left over after rounding down go to the largest remainders,
     * of equal remainders to the group ranked first). Refused when no group scored above 0, as
     * then there is no proportion to release the pool by.
     */
    private List<Row> groupFunds(CurrentUser user, Consequence c, CycleWindow cycle, Money pool) {
        // the preview's numbers, pool included: what was previewed is what is stored
        List<Row> out = new ArrayList<>();
        for (Assessments.Proposal p : assessments.consequences(user, user.tenantId(), c.code(), cycle.key(),
                new BigDecimal(pool.yuan()))) {
            out.add(new Row(p.subject(), p.name(), p.rank(), p.score(), p.sharePercent(), p.amount().fen(), false,
                    null));
        }
        return out;
    }

    /**
     * 排名前进奖励 / 进类奖励: the method's reward for each subject whose recorded superior standing
     * rose against the cycle before — by at least {@code places} ranks (ranking rise; rising
     * further earns the same reward, not more: a default, the seed names one amount for 前进五位),
     * or into a better class, any number of classes (class rise). Subjects lacking either standing
     * are listed as incomplete, never guessed.
     */
    private List<Row> riseRewards(long tenantId, Consequence c, CycleWindow cycle, List<String> incomplete) {
        SuperiorStandings.Standings recorded = standings.of(tenantId, c, cycle);
        if (recorded.pairs().stream().noneMatch(p -> p.standing() != null)) {
            throw DomainException.atField("cycle", "assessment.rise.noStandings", c.name(), cycle.key());
        }
        int needed = c.kind() == ConsequenceKind.RANKING_RISE_REWARD ? c.places() : 1;
        List<Row> out = new ArrayList<>();
        for (SuperiorStandings.Pair p : recorded.pairs()) {
            if (p.rise() == null) {
                incomplete.add(p.name());
            } else if (p.rise() >= needed) {
                out.add(new Row(p.subject(), p.name(), null, null, null, c.rewardFen(), false, null, p.standing(),
                        p.previous()));
            }
        }
        return out;
    }

    /**
     * Each person's bonus deduction per month of the cycle: the confirmed deductions (latest
     * correction applied) at the rate stored on each event, plus occurrences at their amount —
     * the same rule as the person's own points page.
     */
    private List<Row> bonusDeductions(long tenantId, CycleWindow cycle) {
        return jdbc.sql("""
                with latest as (
                    select distinct on (c.corrects_id, cs.subject_kind, cs.subject_id)
                           c.corrects_id, cs.subject_kind, cs.subject_id, c.points
                    from score_event c
                    join score_event_subject cs on cs.event_id = c.id and cs.tenant_id = c.tenant_id
                    where c.tenant_id = :t and c.corrects_id is not null and c.state = 'CONFIRMED'
                    order by c.corrects_id, cs.subject_kind, cs.subject_id, c.id desc)
                select p.id, p.name, to_char(e.occurred_on, 'YYYY-MM') as month,
                       sum(case when coalesce(c.points, e.points) < 0
                                then round(-coalesce(c.points, e.points) * e.fen_per_point) else 0 end
                           + coalesce(e.occurrences * e.fen_per_occurrence, 0)) as fen
                from score_event e
                join score_event_subject s on s.event_id = e.id and s.tenant_id = e.tenant_id and s.subject_kind = 'PERSON'
                join person p on p.id = s.subject_id and p.tenant_id = e.tenant_id
                left join latest c on c.corrects_id = e.id and c.subject_kind = s.subject_kind and c.subject_id = s.subject_id
                where e.tenant_id = :t and e.state = 'CONFIRMED' and e.kind <> 'CORRECTION'
                  and e.occurred_on >= :from and e.occurred_on < :to
                group by p.id, p.name, to_char(e.occurred_on, 'YYYY-MM')
                having sum(case when coalesce(c.points, e.points) < 0
                                then round(-coalesce(c.points, e.points) * e.fen_per_point) else 0 end
                           + coalesce(e.occurrences * e.fen_per_occurrence, 0)) > 0
                order by 3, 2, 1
                """).param("t", tenantId).param("from", cycle.start()).param("to", cycle.end())
                .query((rs, n) -> new Row(new SubjectRef(SubjectKind.PERSON, rs.getLong("id")), rs.getString("name"),
                        null, null, null, -rs.getBigDecimal("fen").setScale(0, RoundingMode.HALF_UP).longValueExact(),
                        false, rs.getString("month")))
                .list();
    }

    /** The proposals of a cycle, every state, the live ones first. */
    @Transactional(readOnly = true)
    public List<Stored> ofCycle(CurrentUser user, String cycleKey) {
        return ofCycle(user, user.tenantId(), cycleKey);
    }

    /**
     * The proposals of a cycle in a tenant the user may read: the own (leadership, discipline
     * office) or, read-only, a township of the county for its county administrator (ORG-5);
     * another county's township answers 404.
     */
    @Transactional(readOnly = true)
    public List<Stored> ofCycle(CurrentUser user, long tenantId, String cycleKey) {
        assessments.requireReader(user, tenantId);
        CycleWindow cycle = CycleWindow.parse(cycleKey);
        return jdbc.sql(SELECT + """
                where tenant_id = :t and cycle_key = :k
                order by consequence_code, case state when 'SUPERSEDED' then 1 else 0 end, month_key nulls first,
                         subject_kind, rank nulls last, subject_name, id
                """).param("t", tenantId).param("k", cycle.key()).query((rs, n) -> stored(rs)).list();
    }

    @Transactional(readOnly = true)
    public Stored one(CurrentUser user, long id) {
        return one(user, user.tenantId(), id);
    }

    /** One proposal of a readable tenant (see {@link #ofCycle(CurrentUser, long, String)}); elsewhere 404. */
    @Transactional(readOnly = true)
    public Stored one(CurrentUser user, long tenantId, long id) {
        assessments.requireReader(user, tenantId);
        return find(tenantId, id);
    }

    /** The leadership confirms a proposal, with the reason; a Gold Board candidate goes to the gold board's draft. */
    @Transactional
    public Stored confirm(CurrentUser user, long id, String reason) {
        Stored s = decide(user, id, State.CONFIRMED, reason);
        if (ConsequenceKind.GOLD_BOARD.name().equals(s.kind())) {
            handToGoldBoard(user.tenantId(), s);
        }
        return s;
    }

    /** The leadership rejects a proposal, with the reason. */
    @Transactional
    public Stored reject(CurrentUser user, long id, String reason) {
        return decide(user, id, State.REJECTED, reason);
    }

    private Stored decide(CurrentUser user, long id, State to, String reason) {
        if (!user.hasAny(Role.LEADERSHIP, Role.DISCIPLINE)) {
            throw new AccessDeniedException();
        }
        Stored before = find(user.tenantId(), id);
        if (!user.has(Role.LEADERSHIP)) {
            throw new AccessDeniedException();
        }
        if (reason == null || reason.isBlank()) {
            throw DomainException.atField("reason", "scoring.reason.required");
        }
        if (reason.strip().length() > 1000) {
            throw DomainException.atField("reason", "assessment.proposal.reasonTooLong", "1000");
        }
        int n = jdbc.sql("""
                update consequence_proposal set state = :s, decided_by = :by, decided_at = :at, decision_reason = :r
                where tenant_id = :t and id = :id and state = 'PROPOSED'
                """).param("s", to.name()).param("by", user.username()).param("at", OffsetDateTime.now(clock))
                .param("r", reason.strip()).param("t", user.tenantId()).param("id", id).update();
        if (n == 0) {
            throw new DomainException("assessment.proposal.notPending", before.state().name());
        }
        Stored after = find(user.tenantId(), id);
        journal.record(user.tenantId(), to == State.CONFIRMED ? "consequence.confirmed" : "consequence.rejected",
                "consequence_proposal", id, (to == State.CONFIRMED ? "确认 " : "驳回 ") + after.consequenceName() + " "
                        + after.cycleKey() + (after.monthKey() == null ? "" : " " + after.monthKey()) + " "
                        + after.subjectName(),
                Map.of("state", before.state().name()), Map.of("state", after.state().name()), reason.strip());
        return after;
    }

    private void handToGoldBoard(long tenantId, Stored s) {
        MethodDefinition d = active(tenantId).definition();
        var board = list(d.boards()).stream().filter(b -> b.kind() == BoardKind.GOLD).findFirst();
        if (board.isEmpty()) {
            journal.record(tenantId, "consequence.noGoldBoard", "consequence_proposal", s.id(),
                    "方法没有金榜：" + s.subjectName() + " 未入榜", null, null, null);
            return;
        }
        CycleWindow cycle = CycleWindow.parse(s.cycleKey());
        String fact = s.consequenceName() + "：" + s.cycleKey() + " 考核第 " + s.rank() + " 名，得分 " + s.score();
        Long amount = s.amount() == null ? null : s.amount().fen();
        String source = "consequence:" + s.id();
        BoardEntry entry;
        if (s.subject().kind() == SubjectKind.PERSON) {
            String post = organisation.person(DataScope.wholeTenant(tenantId), s.subject().id()).title();
            entry = BoardEntry.person(s.subject().id(), s.subjectName(), post, fact, null, amount, "scoring", source);
        } else {
            entry = BoardEntry.unit(s.subjectName(), null, fact, null, amount, "scoring", source);
        }
        publisher.publishEvent(new BoardEntriesProposed(tenantId, board.get().code(),
                ConfirmedResultsToBoards.period(board.get(), cycle.start()), List.of(entry)));
    }

    private static final String SELECT = """
            select id, consequence_code, consequence_name, kind, target_code, cycle_key, month_key, subject_kind,
                   subject_id, subject_name, rank, score, share_percent, amount_fen, amount_is_minimum,
                   fund_pool_fen, superior_standing, superior_previous, state,
                   generated_by, generated_at, decided_by, decided_at, decision_reason, superseded_at
            from consequence_proposal
            """;

    private Stored find(long tenantId, long id) {
        return jdbc.sql(SELECT + " where tenant_id = :t and id = :id").param("t", tenantId).param("id", id)
                .query((rs, n) -> stored(rs)).optional()
                .orElseThrow(() -> new NotFoundException("consequence_proposal", id));
    }

    private static Stored stored(ResultSet rs) throws SQLException {
        int rank = rs.getInt("rank");
        Integer r = rs.wasNull() ? null : rank;
        BigDecimal score = rs.getBigDecimal("score");
        BigDecimal share = rs.getBigDecimal("share_percent");
        long fen = rs.getLong("amount_fen");
        Money amount = rs.wasNull() ? null : Money.fen(fen);
        long poolFen = rs.getLong("fund_pool_fen");
        Money pool = rs.wasNull() ? null : Money.fen(poolFen);
        return new Stored(rs.getLong("id"), rs.getString("consequence_code"), rs.getString("consequence_name"),
                rs.getString("kind"), rs.getString("target_code"), rs.getString("cycle_key"), rs.getString("month_key"),
                new SubjectRef(SubjectKind.valueOf(rs.getString("subject_kind")), rs.getLong("subject_id")),
                rs.getString("subject_name"), r, score == null ? null : Score.of(score),
                share == null ? null : Score.of(share), amount, rs.getBoolean("amount_is_minimum"), pool,
                rs.getObject("superior_standing", Integer.class), rs.getObject("superior_previous", Integer.class),
                State.valueOf(rs.getString("state")), rs.getString("generated_by"),
                rs.getObject("generated_at", OffsetDateTime.class), rs.getString("decided_by"),
                rs.getObject("decided_at", OffsetDateTime.class), rs.getString("decision_reason"),
                rs.getObject("superseded_at", OffsetDateTime.class));
    }

    /** Counts per state, for the page's summary line. */
    public static Map<State, Long> counts(List<Stored> all) {
        Map<State, Long> m = new LinkedHashMap<>();
        for (State s : State.values()) {
            m.put(s, all.stream().filter(x -> x.state() == s).count());
        }
        return m;
    }

    private MethodVersion active(long tenantId) {
        return methods.active(tenantId).orElseThrow(() -> new DomainException("scoring.method.none"));
    }

    private static <T> List<T> list(List<T> l) {
        return l == null ? List.of() : l;
    }
}
