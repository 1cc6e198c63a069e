package cn.taizhang.board.web;

import cn.taizhang.board.BoardDrafts;
import cn.taizhang.board.BoardEntry;
import cn.taizhang.board.Proposal;
import cn.taizhang.board.internal.BoardFlow;
import cn.taizhang.board.internal.BoardIssue;
import cn.taizhang.board.internal.EntryRow;
import cn.taizhang.board.internal.NotDesignatedException;
import cn.taizhang.board.internal.Objection;
import cn.taizhang.shared.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The board flow for other government systems (HTTP Basic): hand over entries into a draft,
 * submit, review, object, resolve, publish and correct. The tenant is always the caller's.
 */
@RestController
@RequestMapping(path = "/api/boards", produces = MediaType.APPLICATION_JSON_VALUE)
@PreAuthorize("hasAnyRole('LEADERSHIP','DISCIPLINE','GROUP_LEADER','STAFF','VILLAGE_CADRE')")
@Tag(name = "boards", description = "榜示 / boards: draft, publish, correct")
class BoardApi {

    private final BoardDrafts drafts;
    private final BoardFlow flow;
    private final Posters posters;

    BoardApi(BoardDrafts drafts, BoardFlow flow, Posters posters) {
        this.drafts = drafts;
        this.flow = flow;
        this.posters = posters;
    }

    record EntryInput(BoardEntry.Subject subject, String name, String post, String fact, BigDecimal points,
                      Long amountFen, String sourceModule, String sourceId, Long personId) {
        BoardEntry toEntry() {
            return new BoardEntry(subject, name, post, fact, points, amountFen, sourceModule, sourceId, personId);
        }
    }

    record DraftRequest(String boardCode, String period, List<EntryInput> entries) {
    }

    record CorrectionRequest(String corrects, String reason, List<EntryInput> entries) {
    }

    record ObjectionRequest(Long entryId, String text) {
    }

    record ResolutionRequest(Objection.Status outcome, String resolution) {
    }

    record EntryView(long id, int position, String subject, String name, String post, String fact, BigDecimal points,
                     Long amountFen, String source, boolean withdrawn, String withdrawnReason) {
        static EntryView of(EntryRow e) {
            return new EntryView(e.id(), e.position(), e.subject().name(), e.name(), e.post(), e.fact(), e.points(),
                    e.amountFen(), e.sourceModule() + "/" + e.sourceId(), e.withdrawn(), e.withdrawnReason());
        }
    }

    record ObjectionView(long id, long entryId, String raisedBy, String text, OffsetDateTime raisedAt, String status,
                         String resolution, String resolvedBy, OffsetDateTime resolvedAt) {
        static ObjectionView of(Objection o) {
            return new ObjectionView(o.id(), o.entryId(), o.raisedBy(), o.text(), o.raisedAt(), o.status().name(),
                    o.resolution(), o.resolvedBy(), o.resolvedAt());
        }
    }

    record IssueView(long id, String code, String board, String boardName, String kind, String visibility,
                     String period, String status, int noticeDays, Integer retentionDays, OffsetDateTime noticeEndsAt,
                     OffsetDateTime publishedAt, String publishedBy, Integer chainSeq, String hash, String previousHash,
                     String corrects, String correctionReason, String correctedBy, List<EntryView> entries,
                     List<ObjectionView> objections) {
    }

    private IssueView view(long tenantId, BoardIssue i) {
        return new IssueView(i.id(), i.code(), i.boardCode(), i.boardName(), i.boardKind().name(),
                i.visibility().name(), i.period(), i.status().name(), i.noticeDays(), i.retentionDays(),
                i.noticeEndsAt(), i.publishedAt(), i.publishedBy(), i.chainSeq(), i.contentHash(), i.previousHash(),
                i.correctsCode(), i.correctionReason(), i.correctedByCode(),
                flow.entries(tenantId, i.id()).stream().map(EntryView::of).toList(),
                flow.objections(tenantId, i.id()).stream().map(ObjectionView::of).toList());
    }

    private static List<BoardEntry> entries(List<EntryInput> in) {
        return in == null ? List.of() : in.stream().map(EntryInput::toEntry).toList();
    }

    private static CurrentUser editor() {
        CurrentUser me = CurrentUser.require();
        if (!BoardFlow.mayEdit(me)) {
            throw new NotDesignatedException("board.edit.notDesignated");
        }
        return me;
    }

    @GetMapping("/issues")
    @Operation(summary = "The issues the caller may see",
            description = "Published and in notice for everybody; drafts and issues in review for the leadership and "
                    + "the discipline office.")
    List<IssueView> issues() {
        CurrentUser me = CurrentUser.require();
        return flow.visibleIssues(me).stream().map(i -> view(me.tenantId(), i)).toList();
    }

    @GetMapping("/issues/{id}")
    IssueView issue(@PathVariable long id) {
        CurrentUser me = CurrentUser.require();
        return view(me.tenantId(), flow.visibleIssue(me, id));
    }

    @PostMapping("/drafts")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Hand over entries into the draft of a board and period",
            description = "Each entry names its source record (sourceModule, sourceId); a source already on the "
                    + "board is skipped. Name, post and fact only: a fact with a phone or ID number is refused.")
    IssueView draft(@RequestBody DraftRequest request) {
        CurrentUser me = editor();
        Proposal p = drafts.propose(me.tenantId(), request.boardCode(), request.period(), entries(request.entries()));
        return view(me.tenantId(), flow.issue(me.tenantId(), p.issueId()));
    }

    @GetMapping(path = "/issues/{id}/poster.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "The A4 or A3 poster of a published issue (PDF in Chinese with its QR code)")
    ResponseEntity<byte[]> poster(@PathVariable long id, @RequestParam(defaultValue = "A4") Posters.Size size,
                                  Locale locale) {
        CurrentUser me = CurrentUser.require();
        return posters.response(flow.visibleIssue(me, id), flow.entries(me.tenantId(), id), size, locale);
    }

    @PostMapping("/issues/{id}/submit")
    IssueView submit(@PathVariable long id) {
        CurrentUser me = CurrentUser.require();
        return view(me.tenantId(), flow.submit(me, id));
    }

    @PostMapping("/issues/{id}/notice")
    @Operation(summary = "Review: approve and start the notice period (leadership)")
    IssueView notice(@PathVariable long id) {
        CurrentUser me = CurrentUser.require();
        return view(me.tenantId(), flow.startNotice(me, id));
    }

    @PostMapping("/issues/{id}/objections")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Object to one's own entry during the notice period")
    ObjectionView object(@PathVariable long id, @RequestBody ObjectionRequest request) {
        CurrentUser me = CurrentUser.require();
        return ObjectionView.of(flow.object(me, id, request.entryId() == null ? -1 : request.entryId(), request.text()));
    }

    @PostMapping("/issues/{id}/objections/{objectionId}/resolve")
    ObjectionView resolve(@PathVariable long id, @PathVariable long objectionId,
                          @RequestBody ResolutionRequest request) {
        CurrentUser me = CurrentUser.require();
        return ObjectionView.of(flow.resolve(me, id, objectionId, request.outcome(), request.resolution()));
    }

    @PostMapping("/issues/{id}/publish")
    @Operation(summary = "Publish and seal (discipline office)",
            description = "Refused during the notice period, with an open objection, or without the designated role.")
    IssueView publish(@PathVariable long id) {
        CurrentUser me = CurrentUser.require();
        return view(me.tenantId(), flow.publish(me, id));
    }

    @PostMapping("/corrections")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Correct a published issue",
            description = "corrects: the code of the published issue; reason: why. Without entries the correction "
                    + "starts from a copy of the corrected issue's entries; with entries (from their source records) "
                    + "they replace the copied ones of the same source.")
    IssueView correct(@RequestBody CorrectionRequest request) {
        CurrentUser me = editor();
        if (request.entries() == null || request.entries().isEmpty()) {
            return view(me.tenantId(), flow.startCorrection(me, request.corrects(), request.reason()));
        }
        Proposal p = drafts.proposeCorrection(me.tenantId(), request.corrects(), request.reason(),
                entries(request.entries()));
        return view(me.tenantId(), flow.issue(me.tenantId(), p.issueId()));
    }
}
