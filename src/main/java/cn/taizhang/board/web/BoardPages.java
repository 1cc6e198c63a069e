package cn.taizhang.board.web;

import cn.taizhang.board.internal.BoardFlow;
import cn.taizhang.board.internal.BoardIssue;
import cn.taizhang.board.internal.BoardVerifier;
import cn.taizhang.board.internal.EntryRow;
import cn.taizhang.board.internal.PublicBoards;
import cn.taizhang.board.web.BoardForms.CorrectionForm;
import cn.taizhang.board.web.BoardForms.ObjectionForm;
import cn.taizhang.board.web.BoardForms.ReasonForm;
import cn.taizhang.board.web.BoardForms.ResolveForm;
import cn.taizhang.org.Tenants;
import cn.taizhang.shared.CurrentUser;
import cn.taizhang.shared.DomainException;
import cn.taizhang.shared.NotFoundException;
import cn.taizhang.shared.web.Flash;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The township's own board pages (signed in): every published issue including internal boards and
 * those past retention (the archive), issues in their notice period, and — for the leadership and
 * the discipline office — drafts and issues in review with the steps of the flow. Entries are
 * never typed here: they come from the modules that own the facts.
 */
@Controller
@RequestMapping("/boards")
@PreAuthorize("hasAnyRole('LEADERSHIP','DISCIPLINE','GROUP_LEADER','STAFF','VILLAGE_CADRE')")
class BoardPages {

    /** The flash attribute with the translated reason of a refused step. */
    private static final String ERROR = "boardError";

    private final BoardFlow flow;
    private final BoardVerifier verifier;
    private final PublicBoards publicBoards;
    private final Tenants tenants;
    private final MessageSource messages;
    private final Clock clock;
    private final Posters posters;
    private final ReportPackages packages;

    BoardPages(BoardFlow flow, BoardVerifier verifier, PublicBoards publicBoards, Tenants tenants,
               MessageSource messages, Clock clock, Posters posters, ReportPackages packages) {
        this.posters = posters;
        this.packages = packages;
        this.flow = flow;
        this.verifier = verifier;
        this.publicBoards = publicBoards;
        this.tenants = tenants;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping
    String index(Model model) {
        CurrentUser me = CurrentUser.require();
        List<BoardIssue> issues = flow.visibleIssues(me);
        OffsetDateTime now = OffsetDateTime.now(clock);
        model.addAttribute("tenant", tenants.find(me.tenantId()).orElseThrow(() -> new NotFoundException("tenant", me.tenantId())));
        model.addAttribute("open", issues.stream().filter(i -> !i.isPublished()).toList());
        model.addAttribute("published", issues.stream().filter(BoardIssue::isPublished).toList());
        model.addAttribute("publicNow", issues.stream().filter(i -> publicBoards.isPublicNow(i, now))
                .map(BoardIssue::id).collect(Collectors.toSet()));
        model.addAttribute("namingMe", flow.namingMe(me));
        model.addAttribute("firstBroken", verifier.firstBroken(me.tenantId()));
        model.addAttribute("mayEdit", BoardFlow.mayEdit(me));
        model.addAttribute("fmt", new BoardFormat());
        model.addAttribute("now", now);
        return "board/index";
    }

    @GetMapping("/issues/{id}")
    String issue(@PathVariable long id, Model model) {
        CurrentUser me = CurrentUser.require();
        BoardIssue issue = flow.visibleIssue(me, id);
        List<EntryRow> entries = flow.entries(me.tenantId(), id);
        OffsetDateTime now = OffsetDateTime.now(clock);
        model.addAttribute("issue", issue);
        model.addAttribute("entries", entries);
        model.addAttribute("entriesById", entries.stream().collect(Collectors.toMap(EntryRow::id, Function.identity())));
        model.addAttribute("objections", flow.objections(me.tenantId(), id));
        model.addAttribute("mine", entries.stream().filter(e -> !e.withdrawn() && e.personId() != null
                && e.personId().equals(me.personId())).toList());
        model.addAttribute("mayEdit", BoardFlow.mayEdit(me));
        model.addAttribute("mayReview", BoardFlow.mayReview(me));
        model.addAttribute("mayPublish", BoardFlow.mayPublish(me));
        model.addAttribute("noticeOver", issue.noticeEndsAt() != null && !now.isBefore(issue.noticeEndsAt()));
        model.addAttribute("publicNow", publicBoards.isPublicNow(issue, now));
        model.addAttribute("heldForBasis", publicBoards.heldForBasis(issue));
        model.addAttribute("retentionOver", issue.retentionOver(now));
        model.addAttribute("verification", issue.isPublished() ? verifier.verify(issue.code(), null) : null);
        model.addAttribute("fmt", new BoardFormat());
        return "board/issue";
    }

    /** The office wall screen: the latest published issue of each board, in large type, refreshed every 5 minutes. */
    @GetMapping("/wall")
    String wall(Model model) {
        CurrentUser me = CurrentUser.require();
        OffsetDateTime now = OffsetDateTime.now(clock);
        var latest = new java.util.LinkedHashMap<String, BoardIssue>();
        flow.visibleIssues(me).stream().filter(BoardIssue::isPublished).filter(i -> !i.retentionOver(now))
                .forEach(i -> latest.putIfAbsent(i.boardCode(), i));
        model.addAttribute("tenant", tenants.find(me.tenantId()).orElseThrow(() -> new NotFoundException("tenant", me.tenantId())));
        model.addAttribute("boards", latest.values().stream()
                .map(i -> Map.of("issue", i, "entries", flow.entries(me.tenantId(), i.id()).stream()
                        .filter(e -> !e.withdrawn()).toList()))
                .toList());
        model.addAttribute("fmt", new BoardFormat());
        return "board/wall";
    }

    /** The upward report package (ZIP: A4 poster, Excel, manifest) of a published issue. */
    @GetMapping(path = "/issues/{id}/report.zip", produces = "application/zip")
    @PreAuthorize("hasAnyRole('LEADERSHIP','DISCIPLINE')")
    ResponseEntity<byte[]> report(@PathVariable long id, Locale locale) {
        CurrentUser me = CurrentUser.require();
        BoardIssue issue = flow.visibleIssue(me, id);
        List<String> reportTo;
        try {
            reportTo = flow.board(me.tenantId(), issue.boardCode()).reportTo();
        } catch (DomainException e) {
            reportTo = List.of();
        }
        String tenantName = tenants.find(me.tenantId()).map(t -> t.name()).orElse("");
        byte[] zip = packages.zip(issue, flow.entries(me.tenantId(), id), tenantName, Posters.verifyLink(issue), reportTo, locale);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(issue.code() + ".zip").build().toString())
                .body(zip);
    }

    /** The A4 or A3 poster of a published issue, for the notice window. */
    @GetMapping(path = "/issues/{id}/poster.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> poster(@PathVariable long id, @RequestParam(defaultValue = "A4") Posters.Size size,
                                  Locale locale) {
        CurrentUser me = CurrentUser.require();
        return posters.response(flow.visibleIssue(me, id), flow.entries(me.tenantId(), id), size, locale);
    }

    @PostMapping("/issues/{id}/submit")
    String submit(@PathVariable long id, RedirectAttributes redirect, Locale locale) {
        return step(id, redirect, locale, "board.flash.submitted", () -> flow.submit(CurrentUser.require(), id));
    }

    @PostMapping("/issues/{id}/return")
    String returnToDraft(@PathVariable long id, @ModelAttribute ReasonForm form, RedirectAttributes redirect,
                         Locale locale) {
        return step(id, redirect, locale, "board.flash.returned",
                () -> flow.returnToDraft(CurrentUser.require(), id, form.getReason()));
    }

    @PostMapping("/issues/{id}/notice")
    String notice(@PathVariable long id, RedirectAttributes redirect, Locale locale) {
        return step(id, redirect, locale, "board.flash.noticeStarted", () -> flow.startNotice(CurrentUser.require(), id));
    }

    @PostMapping("/issues/{id}/publish")
    String publish(@PathVariable long id, RedirectAttributes redirect, Locale locale) {
        return step(id, redirect, locale, "board.flash.published", () -> flow.publish(CurrentUser.require(), id));
    }

    @PostMapping("/issues/{id}/entries/{entryId}/withdraw")
    String withdraw(@PathVariable long id, @PathVariable long entryId, @ModelAttribute ReasonForm form,
                    RedirectAttributes redirect, Locale locale) {
        return step(id, redirect, locale, "board.flash.withdrawn",
                () -> flow.withdrawEntry(CurrentUser.require(), id, entryId, form.getReason()));
    }

    @PostMapping("/issues/{id}/objections")
    String object(@PathVariable long id, @ModelAttribute ObjectionForm form, RedirectAttributes redirect,
                  Locale locale) {
        return step(id, redirect, locale, "board.flash.objected", () -> flow.object(CurrentUser.require(), id,
                form.getEntryId() == null ? -1 : form.getEntryId(), form.getText()));
    }

    @PostMapping("/issues/{id}/objections/{objectionId}/resolve")
    String resolve(@PathVariable long id, @PathVariable long objectionId, @ModelAttribute ResolveForm form,
                   RedirectAttributes redirect, Locale locale) {
        return step(id, redirect, locale, "board.flash.resolved", () -> flow.resolve(CurrentUser.require(), id,
                objectionId, form.getOutcome(), form.getResolution()));
    }

    @PostMapping("/corrections")
    String correct(@ModelAttribute CorrectionForm form, RedirectAttributes redirect, Locale locale) {
        CurrentUser me = CurrentUser.require();
        try {
            BoardIssue c = flow.startCorrection(me, form.getCorrects(), form.getReason());
            Flash.say(redirect, messages, locale, "board.flash.correctionStarted", c.code());
            return "redirect:/boards/issues/" + c.id();
        } catch (NotFoundException e) {
            throw e;
        } catch (DomainException e) {
            redirect.addFlashAttribute(ERROR, messages.getMessage(e.messageKey(), e.args(), locale));
            return "redirect:/boards";
        }
    }

    /** Runs a step of the flow; a refusal comes back to the issue page with its reason. */
    private String step(long id, RedirectAttributes redirect, Locale locale, String doneKey, Runnable action) {
        try {
            action.run();
            Flash.say(redirect, messages, locale, doneKey);
        } catch (NotFoundException e) {
            throw e;
        } catch (DomainException e) {
            redirect.addFlashAttribute(ERROR, messages.getMessage(e.messageKey(), e.args(), locale));
        }
        return "redirect:/boards/issues/" + id;
    }
}
