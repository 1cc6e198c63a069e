package cn.taizhang.work.plan.web;

import cn.taizhang.shared.CurrentUser;
import cn.taizhang.work.plan.CommitmentKind;
import cn.taizhang.work.plan.Commitments;
import cn.taizhang.work.plan.Outcome;
import cn.taizhang.work.plan.Plan;
import cn.taizhang.work.plan.PlanLevel;
import cn.taizhang.work.plan.Plans;
import cn.taizhang.work.plan.ResearchTopics;
import cn.taizhang.work.plan.ResponsibilityLetters;
import cn.taizhang.work.plan.TopicKind;
import cn.taizhang.work.plan.TopicState;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Plans and goals as JSON for other government systems (WORK-3, WORK-4, WORK-5, WORK-8): the plan
 * cascade with its lines, month-start commitments, responsibility letters and research topics. The
 * same services as the pages, so the same rules, data scope and translated messages: outside the
 * caller's sight 404, seen but not allowed 403, a refused rule 400 naming its field.
 */
@RestController
@RequestMapping("/api/work/plans")
@Tag(name = "plans", description = "计划目标 Plans, month-start commitments, responsibility letters, research topics")
class PlanApi {

    private final Plans plans;
    private final Commitments commitments;
    private final ResponsibilityLetters letters;
    private final ResearchTopics topics;
    private final Clock clock;

    PlanApi(Plans plans, Commitments commitments, ResponsibilityLetters letters, ResearchTopics topics, Clock clock) {
        this.plans = plans;
        this.commitments = commitments;
        this.letters = letters;
        this.topics = topics;
        this.clock = clock;
    }

    private int yearOr(Integer year) {
        return year == null ? LocalDate.now(clock).getYear() : year;
    }

    // ------------------------------------------------------------------ plans and their lines

    record PlanJson(long id, PlanLevel level, int year, Integer month, String period, long unitId, String unitName,
                    Long personId, String personName, String title, String createdBy, boolean editable) {
    }

    record LineJson(long id, long planId, int seq, String content, String standard, LocalDate deadline,
                    long responsibleUnitId, String responsibleUnitName, long responsiblePersonId,
                    String responsiblePersonName, Long supervisingLeaderId, String supervisingLeaderName,
                    Long servesLineId, String servesContent, Long workItemId, String workItemTitle, int revisions) {

        static LineJson of(Plans.LineView v) {
            var l = v.line();
            return new LineJson(l.id(), l.planId(), l.seq(), l.content(), l.standard(), l.deadline(),
                    l.responsibleUnitId(), v.unitName(), l.responsiblePersonId(), v.personName(),
                    l.supervisingLeaderId(), l.supervisingLeaderId() == null ? null : v.leaderName(), l.servesLineId(),
                    v.servesContent(), l.workItemId(), v.workItemTitle(), v.revisions());
        }
    }

    /** A line with the lines of the plans below that serve it (its decomposition). */
    record DecomposedLineJson(LineJson line, List<LineJson> servedBy) {
    }

    record PlanDetailsJson(PlanJson plan, List<DecomposedLineJson> lines) {
    }

    /** A line with its corrections; {@code reasonRequired} says whether a further correction needs a reason. */
    record LineDetailsJson(LineJson line, boolean reasonRequired, List<Plans.Revision> revisions) {
    }

    /** A corrected line: the fields of a new line and, once others rely on the line, the reason. */
    record RevisedLine(String content, String standard, LocalDate deadline, Long responsibleUnitId,
                       Long responsiblePersonId, Long supervisingLeaderId, Long servesLineId, String reason) {

        Plans.NewLine toNewLine() {
            return new Plans.NewLine(content, standard, deadline, responsibleUnitId, responsiblePersonId,
                    supervisingLeaderId, servesLineId);
        }
    }

    record CategoryChoice(String categoryCode) {
    }

    record ItemChoice(Long workItemId) {
    }

    private PlanJson planJson(CurrentUser me, Plan p) {
        Plans.PlanView v = plans.view(p);
        return new PlanJson(p.id(), p.level(), p.year(), p.month(), p.period(), p.unitId(), v.unitName(), p.personId(),
                p.personId() == null ? null : v.personName(), p.title(), p.createdByName(), plans.mayEdit(me, p));
    }

    private LineJson lineJson(CurrentUser me, long lineId) {
        return LineJson.of(plans.line(me, lineId));
    }

    @GetMapping
    @Operation(summary = "The plans of a year the caller may see, township first, then groups, then members")
    List<PlanJson> plans(@RequestParam(required = false) Integer year) {
        CurrentUser me = CurrentUser.require();
        return plans.list(me, yearOr(year)).stream().map(v -> planJson(me, v.plan())).toList();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Start a plan: the township's (leadership), a group's (its managers) or a member's monthly plan")
    PlanJson createPlan(@RequestBody Plans.NewPlan body) {
        CurrentUser me = CurrentUser.require();
        return planJson(me, plans.create(me, body));
    }

    @GetMapping("/{id}")
    @Operation(summary = "A plan with its lines, each with the lines of the plans below that serve it")
    PlanDetailsJson plan(@PathVariable long id) {
        CurrentUser me = CurrentUser.require();
        Plan p = plans.plan(me, id);
        List<Plans.LineView> lines = plans.lines(me, id);
        Map<Long, List<Plans.LineView>> below = plans.servedBy(me, lines);
        return new PlanDetailsJson(planJson(me, p), lines.stream()
                .map(l -> new DecomposedLineJson(LineJson.of(l), below.getOrDefault(l.line().id(), List.of()).stream()
                        .map(LineJson::of).toList()))
                .toList());
    }

    @PostMapping("/{id}/lines")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a line (目标任务): content, standard, deadline within the plan's period, responsible "
            + "unit and person, supervising leader, the line of the plan above it serves")
    LineJson addLine(@PathVariable long id, @RequestBody Plans.NewLine body) {
        CurrentUser me = CurrentUser.require();
        return lineJson(me, plans.addLine(me, id, body).id());
    }

    @GetMapping("/lines/{lineId}")
    @Operation(summary = "A line with its corrections (who, when, why, each field before and after)")
    LineDetailsJson line(@PathVariable long lineId) {
        CurrentUser me = CurrentUser.require();
        Plans.LineView v = plans.line(me, lineId);
        return new LineDetailsJson(LineJson.of(v), plans.reliedOn(v.line()), plans.revisions(me, lineId));
    }

    @PutMapping("/lines/{lineId}")
    @Operation(summary = "Correct a line with the same checks as adding one; a reason is required once a work item "
            + "carries the line or lines below serve it. A linked work item keeps its own deadline and people")
    LineDetailsJson reviseLine(@PathVariable long lineId, @RequestBody RevisedLine body) {
        CurrentUser me = CurrentUser.require();
        plans.revise(me, lineId, body.toNewLine(), body.reason());
        return line(lineId);
    }

    @DeleteMapping("/lines/{lineId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a line nothing relies on (no work item, no line below serving it, never corrected); "
            + "journalled with the optional reason")
    void deleteLine(@PathVariable long lineId, @RequestParam(required = false) String reason) {
        plans.deleteLine(CurrentUser.require(), lineId, reason);
    }

    @PostMapping("/lines/{lineId}/item")
    @Operation(summary = "Carry a line out as a new draft work item of the given category (source 年度目标)")
    LineJson createItem(@PathVariable long lineId, @RequestBody CategoryChoice body) {
        CurrentUser me = CurrentUser.require();
        return lineJson(me, plans.createItem(me, lineId, body.categoryCode()).id());
    }

    @PostMapping("/lines/{lineId}/link")
    @Operation(summary = "Carry a line out as an existing work item the caller can see")
    LineJson linkItem(@PathVariable long lineId, @RequestBody ItemChoice body) {
        CurrentUser me = CurrentUser.require();
        return lineJson(me, plans.linkItem(me, lineId, body.workItemId()).id());
    }

    // ------------------------------------------------------------------ month-start commitments

    record CommitmentJson(long id, CommitmentKind kind, String text, Outcome outcome, String remark, String outcomeBy) {

        static CommitmentJson of(Commitments.Item i) {
            return new CommitmentJson(i.id(), i.kind(), i.text(), i.outcome(), i.remark(), i.outcomeBy());
        }
    }

    record SheetJson(long personId, String personName, String unitName, YearMonth month, boolean submitted,
                     OffsetDateTime submittedAt, List<CommitmentJson> items) {

        static SheetJson of(Commitments.Sheet s) {
            return new SheetJson(s.person().id(), s.person().name(), s.unitName(), s.month(), s.submitted(),
                    s.submittedAt(), s.items().stream().map(CommitmentJson::of).toList());
        }
    }

    /** The month: the caller's own list (null without a person) and the lists of the people he manages or reads. */
    record CommitmentMonthJson(YearMonth month, LocalDate lastWorkingDay, boolean monthEndReached, SheetJson mine,
                               List<SheetJson> team) {
    }

    record NewCommitment(String month, CommitmentKind kind, String text) {
    }

    record MonthChoice(String month) {
    }

    record OutcomeJson(Outcome outcome, String remark) {
    }

    @GetMapping("/commitments")
    @Operation(summary = "Month-start commitments (月初晒承诺) of a month (2026-12): the caller's own and his team's")
    CommitmentMonthJson commitments(@RequestParam(required = false) String month) {
        CurrentUser me = CurrentUser.require();
        YearMonth m = CommitmentPages.parse(month, commitments);
        List<SheetJson> team = commitments.team(me, m).stream().map(SheetJson::of).toList();
        return new CommitmentMonthJson(m, commitments.lastWorkingDay(me.tenantId(), m),
                commitments.monthEndReached(me.tenantId(), m),
                me.personId() == null ? null : SheetJson.of(commitments.mine(me, m)), team);
    }

    @PostMapping("/commitments")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a fixed or dynamic task to the caller's own list of a month, before it is submitted")
    CommitmentJson addCommitment(@RequestBody NewCommitment body) {
        CurrentUser me = CurrentUser.require();
        return CommitmentJson.of(commitments.add(me, CommitmentPages.parse(body.month(), commitments), body.kind(),
                body.text()));
    }

    @DeleteMapping("/commitments/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Withdraw one of the caller's commitments before the list is submitted")
    void removeCommitment(@PathVariable long id) {
        commitments.remove(CurrentUser.require(), id);
    }

    @PostMapping("/commitments/submit")
    @Operation(summary = "Submit the caller's list of a month; it is then fixed and visible to his group leader")
    SheetJson submitCommitments(@RequestBody MonthChoice body) {
        CurrentUser me = CurrentUser.require();
        YearMonth m = CommitmentPages.parse(body.month(), commitments);
        commitments.submit(me, m);
        return SheetJson.of(commitments.mine(me, m));
    }

    @PostMapping("/commitments/{id}/outcome")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Mark a commitment done or not done (with a remark) from the month's last working day on")
    void markCommitment(@PathVariable long id, @RequestBody OutcomeJson body) {
        commitments.mark(CurrentUser.require(), id, body.outcome(), body.remark());
    }

    // ------------------------------------------------------------------ responsibility letters

    record LetterJson(long id, int year, String title, String body, Long issuerPersonId, String issuerName,
                      long addresseePersonId, String addresseeName, String addresseeUnit, Long parentLetterId,
                      OffsetDateTime issuedAt, boolean acknowledged, OffsetDateTime acknowledgedAt,
                      String acknowledgedBy) {

        static LetterJson of(ResponsibilityLetters.LetterView v) {
            var l = v.letter();
            return new LetterJson(l.id(), l.year(), l.title(), l.body(), l.issuerPersonId(), l.issuerName(),
                    l.addresseePersonId(), v.addresseeName(), v.addresseeUnit(), l.parentLetterId(), l.issuedAt(),
                    l.acknowledged(), l.acknowledgedAt(), l.acknowledgedBy());
        }
    }

    @GetMapping("/letters")
    @Operation(summary = "The responsibility letters (目标责任书) of a year the caller may see, with who acknowledged when")
    List<LetterJson> letters(@RequestParam(required = false) Integer year) {
        return letters.list(CurrentUser.require(), yearOr(year)).stream().map(LetterJson::of).toList();
    }

    @GetMapping("/letters/{id}")
    @Operation(summary = "One letter")
    LetterJson letter(@PathVariable long id) {
        return LetterJson.of(letters.letterView(CurrentUser.require(), id));
    }

    @PostMapping("/letters")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Issue one letter to each addressee; a group leader only after acknowledging his own of the year")
    List<LetterJson> issueLetters(@RequestBody ResponsibilityLetters.Issue body) {
        CurrentUser me = CurrentUser.require();
        return letters.issue(me, body).stream().map(l -> LetterJson.of(letters.letterView(me, l.id()))).toList();
    }

    @PostMapping("/letters/{id}/acknowledge")
    @Operation(summary = "The addressee acknowledges (签收) his letter; anybody else is refused (403)")
    LetterJson acknowledgeLetter(@PathVariable long id) {
        CurrentUser me = CurrentUser.require();
        letters.acknowledge(me, id);
        return LetterJson.of(letters.letterView(me, id));
    }

    // ------------------------------------------------------------------ research topics

    record TopicJson(long id, int year, TopicKind kind, String title, String survey, String proposal, TopicState state,
                     Long proposerPersonId, String proposerName, String reviewNote, String reviewedBy, int version) {

        static TopicJson of(ResearchTopics.Topic t) {
            return new TopicJson(t.id(), t.year(), t.kind(), t.title(), t.survey(), t.proposal(), t.state(),
                    t.proposerPersonId(), t.proposerName(), t.reviewNote(), t.reviewedBy(), t.version());
        }
    }

    record TopicDetailsJson(TopicJson topic, List<ResearchTopics.Comment> comments) {
    }

    record TopicRevision(TopicKind kind, String title, String survey, String proposal, String reason) {
    }

    record Review(boolean toConsultation, String note) {
    }

    record Opinion(String commenterName, String commenterRole, String text) {
    }

    record Note(String note) {
    }

    private TopicDetailsJson topicDetails(CurrentUser me, long id) {
        return new TopicDetailsJson(TopicJson.of(topics.topic(me, id)), topics.comments(me, id));
    }

    @GetMapping("/topics")
    @Operation(summary = "The research topics (课题) of a year")
    List<TopicJson> topics(@RequestParam(required = false) Integer year) {
        return topics.list(CurrentUser.require(), yearOr(year)).stream().map(TopicJson::of).toList();
    }

    @GetMapping("/topics/key-points")
    @Operation(summary = "The year's work key points (工作要点): the adopted topics by kind")
    Map<TopicKind, List<TopicJson>> keyPoints(@RequestParam(required = false) Integer year) {
        Map<TopicKind, List<TopicJson>> out = new EnumMap<>(TopicKind.class);
        for (ResearchTopics.Topic t : topics.keyPoints(CurrentUser.require(), yearOr(year))) {
            out.computeIfAbsent(t.kind(), k -> new java.util.ArrayList<>()).add(TopicJson.of(t));
        }
        return out;
    }

    @GetMapping("/topics/{id}")
    @Operation(summary = "A topic with the opinions of its consultation")
    TopicDetailsJson topic(@PathVariable long id) {
        return topicDetails(CurrentUser.require(), id);
    }

    @PostMapping("/topics")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Propose a topic with its survey material and proposal")
    TopicJson propose(@RequestBody ResearchTopics.Draft body) {
        return TopicJson.of(topics.propose(CurrentUser.require(), body));
    }

    @PutMapping("/topics/{id}")
    @Operation(summary = "Revise a topic while it is proposed or in consultation (the proposer or the leadership)")
    TopicJson revise(@PathVariable long id, @RequestBody TopicRevision body) {
        return TopicJson.of(topics.revise(CurrentUser.require(), id,
                new ResearchTopics.Draft(null, body.kind(), body.title(), body.survey(), body.proposal()), body.reason()));
    }

    @PostMapping("/topics/{id}/review")
    @Operation(summary = "The leadership's review: to consultation, or declined with a reason (toConsultation=false)")
    TopicJson review(@PathVariable long id, @RequestBody Review body) {
        return TopicJson.of(topics.review(CurrentUser.require(), id, body.toConsultation(), body.note()));
    }

    @PostMapping("/topics/{id}/comments")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record an opinion of the consultation, naming who gave it and in what capacity")
    TopicDetailsJson comment(@PathVariable long id, @RequestBody Opinion body) {
        CurrentUser me = CurrentUser.require();
        topics.comment(me, id, body.commenterName(), body.commenterRole(), body.text());
        return topicDetails(me, id);
    }

    @PostMapping("/topics/{id}/adopt")
    @Operation(summary = "Adopt a consulted topic (at least one opinion) into the year's work key points")
    TopicJson adopt(@PathVariable long id, @RequestBody(required = false) Note body) {
        return TopicJson.of(topics.adopt(CurrentUser.require(), id, body == null ? null : body.note()));
    }
}
