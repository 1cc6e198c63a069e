package cn.taizhang.scoring.web;

import cn.taizhang.method.MethodDefinition.SubjectKind;
import cn.taizhang.scoring.Assessments;
import cn.taizhang.scoring.CycleWindow;
import cn.taizhang.scoring.EventFact;
import cn.taizhang.scoring.RatingSheets;
import cn.taizhang.scoring.Regulations;
import cn.taizhang.scoring.Results.Ranking;
import cn.taizhang.scoring.Results.SubjectResult;
import cn.taizhang.scoring.ScoreEvent;
import cn.taizhang.scoring.ScoreEvents;
import cn.taizhang.scoring.SubjectRef;
import cn.taizhang.shared.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Scoring and assessment as JSON: the same services, rules and messages as the pages. A repeated
 * submission with the same {@code Idempotency-Key} header is accepted once and answers the same record.
 */
@RestController
@RequestMapping("/api/scoring")
@Tag(name = "scoring", description = "计分与考核 Points, rating sheets, assessments, rankings, explanations")
class ScoringApi {

    private final ScoreEvents events;
    private final RatingSheets sheets;
    private final Assessments assessments;
    private final Regulations regulations;
    private final java.time.Clock clock;

    ScoringApi(ScoreEvents events, RatingSheets sheets, Assessments assessments, Regulations regulations,
               java.time.Clock clock) {
        this.clock = clock;
        this.events = events;
        this.sheets = sheets;
        this.assessments = assessments;
        this.regulations = regulations;
    }

    record Subject(String kind, long id) {
        SubjectRef ref() {
            return SubjectRef.parse(kind == null ? "" : kind, id);
        }
    }

    private static List<SubjectRef> refs(List<Subject> subjects) {
        return subjects == null ? List.of() : subjects.stream().map(Subject::ref).toList();
    }

    record NewEvent(String itemCode, List<Subject> subjects, Boolean deduct, BigDecimal points, Boolean fullMarks,
                    Integer occurrences, LocalDate occurredOn, String reason, String evidence, Long articleId) {
    }

    @PostMapping("/events")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Propose points for one subject or, on a bound-responsibility item, several")
    ScoreEvent propose(@RequestBody NewEvent b, @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        return events.propose(CurrentUser.require(), new ScoreEvents.Proposal(b.itemCode(), refs(b.subjects()),
                Boolean.TRUE.equals(b.deduct()), b.points(), Boolean.TRUE.equals(b.fullMarks()), b.occurrences(), b.occurredOn(), b.reason(), b.evidence(),
                b.articleId(), key));
    }

    @GetMapping("/events/{id}")
    @Operation(summary = "One score event (another township's or one outside the caller's scope answers 404)")
    ScoreEvent event(@PathVariable long id) {
        return events.visible(CurrentUser.require(), id);
    }

    @GetMapping("/queue")
    @Operation(summary = "Proposals waiting for the discipline office")
    List<ScoreEvent> queue() {
        return events.queue(CurrentUser.require());
    }

    @PostMapping("/events/{id}/confirm")
    @Operation(summary = "The discipline office confirms and files a proposal")
    ScoreEvent confirm(@PathVariable long id) {
        return events.confirm(CurrentUser.require(), id);
    }

    record Reason(String reason) {
    }

    @PostMapping("/events/{id}/reject")
    @Operation(summary = "The discipline office rejects a proposal, with the reason")
    ScoreEvent reject(@PathVariable long id, @RequestBody Reason b) {
        return events.reject(CurrentUser.require(), id, b.reason());
    }

    record Correction(BigDecimal points, String reason, List<Subject> subjects) {
    }

    @PostMapping("/events/{id}/corrections")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "A leader's correction: a new record with the points the subjects get instead")
    ScoreEvent correct(@PathVariable long id, @RequestBody Correction b) {
        return events.correct(CurrentUser.require(), id, b.points(), b.reason(), refs(b.subjects()));
    }

    record Special(List<Subject> subjects, BigDecimal points, LocalDate occurredOn, String reason, String evidence) {
    }

    @PostMapping("/special")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Special points or direct accountability by the secretary or township head")
    ScoreEvent special(@RequestBody Special b, @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        return events.special(CurrentUser.require(), refs(b.subjects()), b.points(), b.occurredOn(), b.reason(),
                b.evidence(), key);
    }

    @PostMapping("/events/{id}/appeals")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "The scored person appeals a deduction within the window")
    ScoreEvents.Appeal appeal(@PathVariable long id, @RequestBody Reason b) {
        return events.appeal(CurrentUser.require(), id, b.reason());
    }

    @GetMapping("/events/{id}/appeals")
    @Operation(summary = "The appeals of an event, for those who may see the event")
    List<ScoreEvents.Appeal> appealsOfEvent(@PathVariable long id) {
        return events.appealsOfEvent(CurrentUser.require(), id);
    }

    record Decision(Boolean upheld, String reason, BigDecimal points) {
    }

    @PostMapping("/appeals/{id}/decision")
    @Operation(summary = "The leadership decides an appeal; an upheld one creates a correction")
    ScoreEvents.Appeal decide(@PathVariable long id, @RequestBody Decision b) {
        return events.decideAppeal(CurrentUser.require(), id, Boolean.TRUE.equals(b.upheld()), b.reason(), b.points());
    }

    record MyPoints(String cycle, List<EventFact> points, List<ScoreEvent> notCounted) {
    }

    @GetMapping("/my-points")
    @Operation(summary = "Every point that makes up the caller's total in a cycle (default: this year)")
    MyPoints myPoints(@RequestParam(required = false) String cycle) {
        CurrentUser me = CurrentUser.require();
        if (me.personId() == null) {
            throw new cn.taizhang.shared.AccessDeniedException();
        }
        CycleWindow w = cycle == null ? CycleWindow.containing(cn.taizhang.method.MethodDefinition.Period.YEAR, CycleWindow.today(clock)) : CycleWindow.parse(cycle);
        SubjectRef self = new SubjectRef(SubjectKind.PERSON, me.personId());
        return new MyPoints(w.key(), events.pointsOf(me, self, w.start(), w.end()), events.pendingOf(me, self));
    }

    record NewSheet(String assessmentCode, String componentCode, String cycle, RatingSheets.RaterKind raterKind,
                    String raterRef, String raterGroup, Subject ratee, BigDecimal score, String comment) {
    }

    @PostMapping("/sheets")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "A rating sheet: one rater rates one ratee once per component and cycle")
    RatingSheets.Sheet sheet(@RequestBody NewSheet b, @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        return sheets.enter(CurrentUser.require(), new RatingSheets.Entry(b.assessmentCode(), b.componentCode(),
                b.cycle(), b.raterKind(), b.raterRef(), b.raterGroup(), b.ratee() == null ? null : b.ratee().ref(),
                b.score(), b.comment(), key));
    }

    record NewInput(String compositeCode, String cycle, Subject subject, String kind, String code, Integer countyRank,
                    BigDecimal points, String reason) {
    }

    @PostMapping("/inputs")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "County ranking (bonus or veto), commendation or leader's correction of a composite")
    long input(@RequestBody NewInput b) {
        return assessments.enterInput(CurrentUser.require(), new Assessments.InputEntry(b.compositeCode(), b.cycle(),
                b.subject() == null ? null : b.subject().ref(), b.kind(), b.code(), b.countyRank(), b.points(), b.reason()));
    }

    @GetMapping("/targets")
    @Operation(summary = "The assessments and composites of the adopted method with their cycles; a county "
            + "administrator names one of the county's townships with tenant")
    List<Assessments.TargetInfo> targets(@RequestParam(required = false) Long tenant) {
        CurrentUser me = CurrentUser.require();
        return assessments.targets(me, tenant == null ? me.tenantId() : tenant);
    }

    record RunRequest(String target, String cycle) {
    }

    @PostMapping("/runs")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Run (or re-run) a cycle: compute the ranking and keep it on record")
    RunView run(@RequestBody RunRequest b) {
        Assessments.Run r = assessments.run(CurrentUser.require(), b.target(), b.cycle());
        return new RunView(r.id(), r.methodVersionId(), r.targetCode(), r.cycleKey(), r.runBy(), r.runAt(),
                RankingView.of(r.ranking(), null));
    }

    record RunView(long id, long methodVersionId, String targetCode, String cycleKey, String runBy,
                   java.time.OffsetDateTime runAt, RankingView ranking) {
    }

    /** A ranking row without the explanation: that is fetched per subject on demand (a year's was 216 MB for a county). */
    record RankedSubject(int rank, String kind, long id, String name, String score, String beforeAdjustments,
                         boolean flagged, boolean vetoed, String explanation) {
    }

    record NotAssessed(String kind, long id, String name) {
    }

    record RankingView(String targetCode, String targetName, boolean composite, String cycleKey, long methodVersionId,
                       String tie, List<RankedSubject> rows, List<NotAssessed> notAssessed,
                       List<cn.taizhang.scoring.Results.Note> notes) {

        /** {@code tenant}: the township a county administrator reads, carried into each explanation's link. */
        static RankingView of(Ranking r, Long tenant) {
            String base = "/api/scoring/explanations/" + r.targetCode() + "/" + r.cycleKey() + "/";
            String query = tenant == null ? "" : "?tenant=" + tenant;
            return new RankingView(r.targetCode(), r.targetName(), r.composite(), r.cycleKey(), r.methodVersionId(),
                    r.tie().name(), r.rows().stream().map(x -> {
                        SubjectResult s = x.result();
                        return new RankedSubject(x.rank(), s.subject().kind().name(), s.subject().id(), s.name(),
                                s.score().toString(), s.beforeAdjustments() == null ? null : s.beforeAdjustments().toString(),
                                s.flagged(), s.vetoed(), base + s.subject().kind() + "/" + s.subject().id() + query);
                    }).toList(),
                    r.notAssessed().stream().map(s -> new NotAssessed(s.subject().kind().name(), s.subject().id(), s.name()))
                            .toList(), r.notes());
        }
    }

    @GetMapping("/rankings/{target}/{cycle}")
    @Operation(summary = "The ranking of an assessment or composite in a cycle: rank and score per subject; "
            + "each row links its explanation. A county administrator reads a township of the county with tenant "
            + "(another county's township: 404)")
    RankingView ranking(@PathVariable String target, @PathVariable String cycle,
                        @RequestParam(required = false) Long tenant) {
        CurrentUser me = CurrentUser.require();
        return RankingView.of(assessments.ranking(me, tenant == null ? me.tenantId() : tenant, target, cycle), tenant);
    }

    @GetMapping("/explanations/{target}/{cycle}/{kind}/{id}")
    @Operation(summary = "Why a subject's number is what it is: components, weights, rater groups, every event and "
            + "sheet. A county administrator reads a township of the county with tenant")
    SubjectResult explanation(@PathVariable String target, @PathVariable String cycle, @PathVariable String kind,
                              @PathVariable long id, @RequestParam(required = false) Long tenant) {
        CurrentUser me = CurrentUser.require();
        return assessments.explain(me, tenant == null ? me.tenantId() : tenant, target, cycle,
                SubjectRef.parse(kind, id));
    }

    @GetMapping("/consequences/{code}/{cycle}")
    @Operation(summary = "Proposals a consequence of the method makes from its ranking (gold board, 优秀 quota, group "
            + "funds, ...); nothing is stored. Group funds with pool (yuan, positive, at most two decimals) answer "
            + "each group's amount, adding up exactly to the pool. A county administrator reads a township of the "
            + "county with tenant")
    List<Assessments.Proposal> consequences(@PathVariable String code, @PathVariable String cycle,
                                            @RequestParam(required = false) String pool,
                                            @RequestParam(required = false) Long tenant) {
        CurrentUser me = CurrentUser.require();
        return assessments.consequences(me, tenant == null ? me.tenantId() : tenant, code, cycle, yuan(pool, "pool"));
    }

    /** An amount in yuan as typed; blank is none, and what is not a number is refused like a bad amount. */
    static BigDecimal yuan(String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(text.strip().replace(",", "").replace("，", ""));
        } catch (NumberFormatException e) {
            throw cn.taizhang.shared.DomainException.atField(field, "assessment.funds.poolInvalid", text.strip());
        }
    }

    record WhatIfRequest(String yaml, String target, String cycle) {
    }

    @PostMapping("/what-if")
    @Operation(summary = "Re-run a cycle with an edited copy of the method and compare every rank and score; nothing "
            + "is stored or adopted. A county administrator computes on a copy of a county township's method with tenant")
    Assessments.WhatIf whatIf(@RequestBody WhatIfRequest b, @RequestParam(required = false) Long tenant) {
        CurrentUser me = CurrentUser.require();
        return assessments.whatIf(me, tenant == null ? me.tenantId() : tenant, b.yaml(), b.target(), b.cycle());
    }

    @GetMapping("/runs")
    @Operation(summary = "The stored runs (latest first), optionally of one target and cycle; a county administrator "
            + "reads a township of the county with tenant")
    List<Assessments.RunSummary> runs(@RequestParam(required = false) String target,
                                      @RequestParam(required = false) String cycle,
                                      @RequestParam(required = false) Long tenant) {
        CurrentUser me = CurrentUser.require();
        return assessments.runs(me, tenant == null ? me.tenantId() : tenant, target, cycle);
    }

    @GetMapping("/runs/{id}")
    @Operation(summary = "One stored run with its ranking as stored (another township's: 404)")
    Assessments.StoredRun storedRun(@PathVariable long id, @RequestParam(required = false) Long tenant) {
        CurrentUser me = CurrentUser.require();
        return assessments.storedRun(me, tenant == null ? me.tenantId() : tenant, id);
    }

    @GetMapping("/regulations")
    @Operation(summary = "The register of regulations (RULE-1) with their articles")
    List<Regulations.Article> articles() {
        return regulations.articles(CurrentUser.require().tenantId());
    }

    record NewRegulation(String code, String title, Integer version, LocalDate effectiveFrom, LocalDate effectiveTo) {
    }

    @PostMapping("/regulations")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Register a regulation (a version with its effective dates)")
    Regulations.Regulation register(@RequestBody NewRegulation b) {
        return regulations.register(CurrentUser.require(), b.code(), b.title(), b.version() == null ? 1 : b.version(),
                b.effectiveFrom(), b.effectiveTo());
    }

    record NewArticle(String number, String text) {
    }

    @PostMapping("/regulations/{id}/articles")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add an article to a regulation")
    Regulations.Article article(@PathVariable long id, @RequestBody NewArticle b) {
        return regulations.addArticle(CurrentUser.require(), id, b.number(), b.text());
    }
}
