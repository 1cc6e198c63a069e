package cn.taizhang.work.web;

import cn.taizhang.method.MethodDefinition;
import cn.taizhang.method.MethodDefinition.Document;
import cn.taizhang.org.DataScope;
import cn.taizhang.org.OrgScopes;
import cn.taizhang.org.OrgUnit;
import cn.taizhang.org.Organisation;
import cn.taizhang.org.Person;
import cn.taizhang.shared.CurrentUser;
import cn.taizhang.shared.DomainException;
import cn.taizhang.shared.Role;
import cn.taizhang.shared.web.Flash;
import cn.taizhang.shared.web.FormErrors;
import cn.taizhang.work.domain.Attachment;
import cn.taizhang.work.domain.AttachmentPolicy;
import cn.taizhang.work.domain.Inspection;
import cn.taizhang.work.domain.Inspections;
import cn.taizhang.work.domain.ItemDetails;
import cn.taizhang.work.domain.LedgerAttachments;
import cn.taizhang.work.domain.StageRating;
import cn.taizhang.work.domain.SupervisionRound;
import cn.taizhang.work.domain.LedgerEntry;
import cn.taizhang.work.domain.LedgerFilter;
import cn.taizhang.work.domain.StageProgressNotices;
import cn.taizhang.work.domain.LedgerKind;
import cn.taizhang.work.domain.LedgerRow;
import cn.taizhang.work.domain.Light;
import cn.taizhang.work.domain.ReportFrequency;
import cn.taizhang.work.domain.WorkItem;
import cn.taizhang.work.domain.WorkItems;
import cn.taizhang.work.domain.WorkSource;
import cn.taizhang.work.domain.WorkState;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The ledger pages: the township's ledger list, a new item, an item with its ledger and the forms of
 * the actions the viewer may take now, and the wall chart. Every action posts, then redirects back
 * with a flash; refused input shows at its field on the item page, nothing stored.
 */
@Controller
@RequestMapping("/work")
class WorkPages {

    private final WorkItems work;
    private final Organisation organisation;
    private final OrgScopes scopes;
    private final MessageSource messages;
    private final WallChart chart;
    private final LedgerAttachments attachments;
    private final Inspections inspections;
    private final AttachmentPolicy attachmentPolicy;
    private final Clock clock;

    WorkPages(WorkItems work, Organisation organisation, OrgScopes scopes, MessageSource messages, WallChart chart,
              LedgerAttachments attachments, Inspections inspections, AttachmentPolicy attachmentPolicy, Clock clock) {
        this.work = work;
        this.attachments = attachments;
        this.inspections = inspections;
        this.attachmentPolicy = attachmentPolicy;
        this.organisation = organisation;
        this.scopes = scopes;
        this.messages = messages;
        this.chart = chart;
        this.clock = clock;
    }

    // ------------------------------------------------------------------ the ledger list

    @GetMapping
    String ledger(@RequestParam(required = false) Long unit, @RequestParam(required = false) String category,
                  @RequestParam(required = false) WorkState state, @RequestParam(required = false) Light light,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueFrom,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueTo,
                  @RequestParam(defaultValue = "DEADLINE_ASC") LedgerFilter.Sort sort,
                  @RequestParam(required = false) String after, Model model, Locale locale) {
        CurrentUser me = CurrentUser.require();
        Cursor cursor = Cursor.parse(after);
        int pageSize = 50;
        LedgerFilter filter = new LedgerFilter(unit, blankToNull(category), state, light, dueFrom, dueTo, sort,
                cursor == null ? null : cursor.deadline(), cursor == null ? null : cursor.id(), pageSize + 1);
        List<LedgerRow> rows = work.ledger(me, filter);
        boolean more = rows.size() > pageSize;
        if (more) {
            rows = rows.subList(0, pageSize);
        }
        model.addAttribute("rows", rows);
        model.addAttribute("next", more ? Cursor.of(rows.get(rows.size() - 1)) : null);
        model.addAttribute("categories", work.categories(me.tenantId()));
        model.addAttribute("unitChoices", allUnits(me.tenantId()));
        model.addAttribute("states", WorkState.values());
        model.addAttribute("lights", Light.values());
        // each row's light and state named once per page, not looked up per row (docs/benchmarks.md)
        model.addAttribute("lightNames", names(Light.values(), Light::messageKey, locale));
        model.addAttribute("stateNames", names(WorkState.values(), WorkState::messageKey, locale));
        model.addAttribute("sorts", LedgerFilter.Sort.values());
        model.addAttribute("f", Map.of("unit", unit == null ? "" : unit, "category", category == null ? "" : category,
                "state", state == null ? "" : state.name(), "light", light == null ? "" : light.name(),
                "dueFrom", dueFrom == null ? "" : dueFrom, "dueTo", dueTo == null ? "" : dueTo, "sort", sort.name()));
        model.addAttribute("mayCreate", mayCreate(me));
        model.addAttribute("mayRecompute", me.hasAny(Role.LEADERSHIP, Role.DISCIPLINE));
        model.addAttribute("mayRound", SupervisionRound.mayView(me));
        model.addAttribute("mayNotice", StageProgressNotices.mayHandOver(me));
        model.addAttribute("today", LocalDate.now(clock));
        return "work/ledger";
    }

    private <E extends Enum<E>> Map<E, String> names(E[] values, Function<E, String> key, Locale locale) {
        Map<E, String> names = new EnumMap<>(values[0].getDeclaringClass());
        for (E value : values) {
            names.put(value, messages.getMessage(key.apply(value), null, locale));
        }
        return names;
    }

    @PostMapping("/lights")
    String recomputeLights(RedirectAttributes redirect, Locale locale) {
        int changed = work.recomputeLights(CurrentUser.require());
        Flash.say(redirect, messages, locale, "work.lights.recomputed", changed);
        return "redirect:/work";
    }

    // ------------------------------------------------------------------ the wall chart

    @GetMapping("/chart")
    String chart(@RequestParam(required = false) Long unit, Model model) {
        CurrentUser me = CurrentUser.require();
        List<LedgerRow> rows = work.ledger(me, new LedgerFilter(unit, null, null, null, null, null,
                LedgerFilter.Sort.DEADLINE_ASC, null, null, 200)).stream()
                .filter(r -> r.state().isOpen() && r.state() != WorkState.DRAFT).toList();
        model.addAttribute("chart", chart.draw(rows, LocalDate.now(clock), Locale.CHINA));
        model.addAttribute("rows", rows);
        model.addAttribute("unitChoices", allUnits(me.tenantId()));
        model.addAttribute("selectedUnit", unit);
        return "work/chart";
    }

    // ------------------------------------------------------------------ a new item

    @GetMapping("/new")
    String newItem(Model model) {
        var form = new ItemForm();
        LocalDate today = LocalDate.now(clock);
        form.setStartDate(today);
        return itemForm(model, form);
    }

    @PostMapping("/new")
    String create(@Valid @ModelAttribute("form") ItemForm form, BindingResult result, Model model,
                  RedirectAttributes redirect, Locale locale) {
        if (!result.hasErrors()) {
            try {
                WorkItem item = work.create(CurrentUser.require(), form.toNewItem());
                Flash.say(redirect, messages, locale, item.state() == WorkState.DRAFT ? "work.created" : "work.createdAssigned",
                        item.title());
                return "redirect:/work/" + item.id();
            } catch (DomainException e) {
                FormErrors.reject(result, e);
            }
        }
        return itemForm(model, form);
    }

    private String itemForm(Model model, ItemForm form) {
        CurrentUser me = CurrentUser.require();
        if (!mayCreate(me)) {
            throw new cn.taizhang.shared.AccessDeniedException();
        }
        DataScope scope = scopes.of(me);
        model.addAttribute("form", form);
        model.addAttribute("categories", work.categories(me.tenantId()));
        model.addAttribute("sources", WorkSource.values());
        model.addAttribute("frequencies", ReportFrequency.values());
        model.addAttribute("leadUnitChoices", organisation.tree(scope, me.tenantId(), false));
        model.addAttribute("unitChoices", allUnits(me.tenantId()));
        model.addAttribute("responsibleChoices", organisation.people(scope, me.tenantId(), null, null, false));
        model.addAttribute("peopleChoices", allPeople(me.tenantId()));
        return "work/new";
    }

    // ------------------------------------------------------------------ an item

    @GetMapping("/{id}")
    String show(@PathVariable long id, Model model) {
        return itemPage(id, model);
    }

    private String itemPage(long id, Model model) {
        CurrentUser me = CurrentUser.require();
        ItemDetails d = work.details(me, id);
        model.addAttribute("d", d);
        model.addAttribute("item", d.item());
        model.addAttribute("p", d.permissions());
        List<LedgerEntry> open = openQueries(d.ledger());
        model.addAttribute("openQueries", open);
        model.addAttribute("can", Can.of(d.permissions(), d.item(), open));
        model.addAttribute("documentKinds", List.of(Document.WORK_PLAN, Document.RISK_ASSESSMENT));
        model.addAttribute("queries", d.ledger().stream()
                .filter(e -> e.kind() == LedgerKind.QUERY || e.kind() == LedgerKind.OPINION)
                .collect(Collectors.toMap(LedgerEntry::id, Function.identity())));
        for (String name : List.of("returnForm", "cancelForm", "reworkForm")) {
            addIfAbsent(model, name, new ActionForms.ReasonForm());
        }
        for (String name : List.of("queryForm", "completionForm", "evaluateForm")) {
            addIfAbsent(model, name, new ActionForms.TextForm());
        }
        addIfAbsent(model, "answerForm", new ActionForms.AnswerForm());
        addIfAbsent(model, "reportForm", reportForm(d.item()));
        addIfAbsent(model, "documentForm", new ActionForms.DocumentForm());
        addIfAbsent(model, "opinionForm", new ActionForms.OpinionForm());
        addIfAbsent(model, "extensionForm", new ActionForms.ExtensionForm());
        addIfAbsent(model, "decisionForm", new ActionForms.DecisionForm());
        addIfAbsent(model, "rewardForm", new ActionForms.RewardForm());
        addIfAbsent(model, "evidenceForm", new ActionForms.EvidenceForm());

        // files, site inspections (现场查看) and the comparison with two months before (LEDGER-5)
        model.addAttribute("filesByEntry", attachments.list(me, id).stream()
                .collect(Collectors.groupingBy(Attachment::ledgerEntryId)));
        List<Inspection> all = inspections.of(me, id);
        model.addAttribute("inspectionsByEntry", all.stream()
                .collect(Collectors.toMap(Inspection::ledgerEntryId, Function.identity())));
        model.addAttribute("comparison", inspections.comparison(me, id));
        model.addAttribute("hasInspections", !all.isEmpty());
        WorkState s = d.item().state();
        boolean assignedNotCancelled = s != WorkState.DRAFT && s != WorkState.CANCELLED;
        model.addAttribute("canInspect", d.permissions().inspect() && assignedNotCancelled);
        boolean evaluator = d.permissions().opinion() && assignedNotCancelled;
        boolean evaluated = evaluator && inspections.evaluatedThisQuarter(d.item());
        model.addAttribute("canEvaluateStage", evaluator && !evaluated);
        model.addAttribute("stageEvaluatedThisQuarter", evaluated);
        Locale locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
        addIfAbsent(model, "inspectionForm", ActionForms.InspectionForm.blank(LocalDate.now(clock),
                messages.getMessage("inspection.figure.progress", null, locale),
                messages.getMessage("inspection.figure.investment", null, locale),
                messages.getMessage("inspection.figure.investmentUnit", null, locale)));
        // a form shown again after a refusal keeps three rows to fill in
        ((ActionForms.InspectionForm) model.getAttribute("inspectionForm")).padFigures(3);
        addIfAbsent(model, "stageForm", new ActionForms.StageForm());
        model.addAttribute("inspectorChoices", allPeople(d.item().tenantId()));
        model.addAttribute("ratings", StageRating.values());
        model.addAttribute("stagesDone", work.stagesDone(d.item()));
        // the standards are only asked on the form: read the method for those who see it
        model.addAttribute("stageStandards", evaluator && !evaluated
                ? inspections.standards(d.item().tenantId(), d.item().rule().code()) : List.of());
        model.addAttribute("maxPhoto", attachmentPolicy.maxPhoto().toMegabytes() + " MB");
        model.addAttribute("maxFile", attachmentPolicy.maxFile().toMegabytes() + " MB");
        return "work/item";
    }

    private static ActionForms.ReportForm reportForm(WorkItem item) {
        var f = new ActionForms.ReportForm();
        f.setPercent(item.progress());
        return f;
    }

    private static void addIfAbsent(Model model, String name, Object form) {
        if (!model.containsAttribute(name)) {
            model.addAttribute(name, form);
        }
    }

    /** Queries and supervision opinions without an answer yet. */
    private static List<LedgerEntry> openQueries(List<LedgerEntry> ledger) {
        var answered = ledger.stream().filter(e -> e.kind() == LedgerKind.ANSWER).map(LedgerEntry::replyTo)
                .collect(Collectors.toSet());
        return ledger.stream().filter(e -> (e.kind() == LedgerKind.QUERY || e.kind() == LedgerKind.OPINION)
                && !answered.contains(e.id())).toList();
    }

    @FunctionalInterface
    private interface Action {
        void run(CurrentUser me);
    }

    /** Runs an action: on success back to the item with a flash, when refused the item page with the error. */
    private String perform(long id, BindingResult result, Model model, RedirectAttributes redirect, Locale locale,
                           String doneKey, Action action) {
        if (result == null || !result.hasErrors()) {
            try {
                action.run(CurrentUser.require());
                Flash.say(redirect, messages, locale, doneKey);
                return "redirect:/work/" + id;
            } catch (DomainException e) {
                if (e instanceof cn.taizhang.shared.NotFoundException
                        || e instanceof cn.taizhang.shared.AccessDeniedException) {
                    throw e;
                }
                if (result != null && e.field() != null && result.getTarget() != null
                        && org.springframework.beans.BeanUtils.getPropertyDescriptor(result.getTarget().getClass(), e.field()) != null) {
                    FormErrors.reject(result, e);
                } else {
                    // not about a field of this form (e.g. the wrong state): shown at the top of the page
                    model.addAttribute("actionError", messages.getMessage(e.messageKey(), e.args(), locale));
                }
            }
        }
        return itemPage(id, model);
    }

    @PostMapping("/{id}/assign")
    String assign(@PathVariable long id, Model model, RedirectAttributes redirect, Locale locale) {
        return perform(id, null, model, redirect, locale, "work.done.assigned", me -> work.assign(me, id));
    }

    @PostMapping("/{id}/acknowledge")
    String acknowledge(@PathVariable long id, Model model, RedirectAttributes redirect, Locale locale) {
        return perform(id, null, model, redirect, locale, "work.done.acknowledged", me -> work.acknowledge(me, id));
    }

    @PostMapping("/{id}/start")
    String start(@PathVariable long id, Model model, RedirectAttributes redirect, Locale locale) {
        return perform(id, null, model, redirect, locale, "work.done.started", me -> work.start(me, id));
    }

    @PostMapping("/{id}/return")
    String returnIt(@PathVariable long id, @Valid @ModelAttribute("returnForm") ActionForms.ReasonForm form,
                    BindingResult result, Model model, RedirectAttributes redirect, Locale locale) {
        return perform(id, result, model, redirect, locale, "work.done.returned",
                me -> work.returnToAssigner(me, id, form.getReason()));
    }

    @PostMapping("/{id}/document")
    String document(@PathVariable long id, @Valid @ModelAttribute("documentForm") ActionForms.DocumentForm form,
                    BindingResult result, Model model, RedirectAttributes redirect, Locale locale) {
        return perform(id, result, model, redirect, locale, "work.done.document",
                me -> work.submitDocument(me, id, form.getKind(), form.getBody()));
    }

    @PostMapping("/{id}/report")
    String report(@PathVariable long id, @Valid @ModelAttribute("reportForm") ActionForms.ReportForm form,
                  BindingResult result, Model model, RedirectAttributes redirect, Locale locale) {
        return perform(id, result, model, redirect, locale, "work.done.reported",
                me -> attachments.report(me, id, form.getPercent(), form.getText(), ActionForms.uploads(form.getFiles())));
    }

    @PostMapping("/{id}/query")
    String query(@PathVariable long id, @Valid @ModelAttribute("queryForm") ActionForms.TextForm form,
                 BindingResult result, Model model, RedirectAttributes redirect, Locale locale) {
        return perform(id, result, model, redirect, locale, "work.done.queried",
                me -> work.query(me, id, form.getText()));
    }

    @PostMapping("/{id}/answer")
    String answer(@PathVariable long id, @Valid @ModelAttribute("answerForm") ActionForms.AnswerForm form,
                  BindingResult result, Model model, RedirectAttributes redirect, Locale locale) {
        return perform(id, result, model, redirect, locale, "work.done.answered",
                me -> attachments.answer(me, id, form.getQueryId(), form.getText(), ActionForms.uploads(form.getFiles())));
    }

    @PostMapping("/{id}/opinion")
    String opinion(@PathVariable long id, @Valid @ModelAttribute("opinionForm") ActionForms.OpinionForm form,
                   BindingResult result, Model model, RedirectAttributes redirect, Locale locale) {
        return perform(id, result, model, redirect, locale, "work.done.opinion",
                me -> work.supervisionOpinion(me, id, form.getMeasures(), form.getUntil(), form.getText()));
    }

    @PostMapping("/{id}/extension")
    String extension(@PathVariable long id, @Valid @ModelAttribute("extensionForm") ActionForms.ExtensionForm form,
                     BindingResult result, Model model, RedirectAttributes redirect, Locale locale) {
        return perform(id, result, model, redirect, locale, "work.done.extensionRequested",
                me -> work.requestExtension(me, id, form.getNewDeadline(), form.getReason()));
    }

    @PostMapping("/{id}/extension/decision")
    String decide(@PathVariable long id, @Valid @ModelAttribute("decisionForm") ActionForms.DecisionForm form,
                  BindingResult result, Model model, RedirectAttributes redirect, Locale locale) {
        return perform(id, result, model, redirect, locale,
                form.isApprove() ? "work.done.extensionApproved" : "work.done.extensionRefused",
                me -> work.decideExtension(me, id, form.isApprove(), form.getNote()));
    }

    @PostMapping("/{id}/completion")
    String completion(@PathVariable long id, @Valid @ModelAttribute("completionForm") ActionForms.TextForm form,
                      BindingResult result, Model model, RedirectAttributes redirect, Locale locale) {
        return perform(id, result, model, redirect, locale, "work.done.completionRequested",
                me -> work.requestCompletion(me, id, form.getText()));
    }

    @PostMapping("/{id}/rework")
    String rework(@PathVariable long id, @Valid @ModelAttribute("reworkForm") ActionForms.ReasonForm form,
                  BindingResult result, Model model, RedirectAttributes redirect, Locale locale) {
        return perform(id, result, model, redirect, locale, "work.done.rework",
                me -> work.returnForRework(me, id, form.getReason()));
    }

    @PostMapping("/{id}/reward")
    String reward(@PathVariable long id, @Valid @ModelAttribute("rewardForm") ActionForms.RewardForm form,
                  BindingResult result, Model model, RedirectAttributes redirect, Locale locale) {
        return perform(id, result, model, redirect, locale, "work.done.reward",
                me -> work.submitRewardResult(me, id, form.getSummary(), form.getPoints()));
    }

    @PostMapping("/{id}/close-out")
    String closeOut(@PathVariable long id, @Valid @ModelAttribute("evidenceForm") ActionForms.EvidenceForm form,
                    BindingResult result, Model model, RedirectAttributes redirect, Locale locale) {
        return perform(id, result, model, redirect, locale, "work.done.closedOut",
                me -> attachments.closeOut(me, id, form.getEvidence(), ActionForms.uploads(form.getFiles())));
    }

    @PostMapping("/{id}/inspections")
    String inspect(@PathVariable long id, @Valid @ModelAttribute("inspectionForm") ActionForms.InspectionForm form,
                   BindingResult result, Model model, RedirectAttributes redirect, Locale locale) {
        return perform(id, result, model, redirect, locale, "inspection.done.recorded",
                me -> inspections.record(me, id, form.toNew(), ActionForms.uploads(form.getPhotos())));
    }

    @PostMapping("/{id}/stages/{seq}/done")
    String stageDone(@PathVariable long id, @PathVariable int seq,
                     @org.springframework.web.bind.annotation.RequestParam(required = false) String text,
                     Model model, RedirectAttributes redirect, Locale locale) {
        return perform(id, null, model, redirect, locale, "reminder.stage.reported",
                me -> work.reportStageDone(me, id, seq, text));
    }

    @PostMapping("/{id}/stage-evaluation")
    String evaluateStage(@PathVariable long id, @Valid @ModelAttribute("stageForm") ActionForms.StageForm form,
                         BindingResult result, Model model, RedirectAttributes redirect, Locale locale) {
        return perform(id, result, model, redirect, locale, "inspection.done.stageEvaluated",
                me -> inspections.evaluateStage(me, id, form.getRating(), form.rated(), form.getRemark()));
    }

    @PostMapping("/{id}/evaluate")
    String evaluate(@PathVariable long id, @Valid @ModelAttribute("evaluateForm") ActionForms.TextForm form,
                    BindingResult result, Model model, RedirectAttributes redirect, Locale locale) {
        return perform(id, result, model, redirect, locale, "work.done.evaluated",
                me -> work.evaluate(me, id, form.getText()));
    }

    @PostMapping("/{id}/cancel")
    String cancel(@PathVariable long id, @Valid @ModelAttribute("cancelForm") ActionForms.ReasonForm form,
                  BindingResult result, Model model, RedirectAttributes redirect, Locale locale) {
        return perform(id, result, model, redirect, locale, "work.done.cancelled",
                me -> work.cancel(me, id, form.getReason()));
    }

    // ------------------------------------------------------------------ helpers

    private static boolean mayCreate(CurrentUser me) {
        return me.hasAny(Role.LEADERSHIP, Role.COUNTY_ADMIN, Role.GROUP_LEADER, Role.VILLAGE_CADRE);
    }

    /** The tenant's units, for filters and assisting units: the ledger is public inside the office (LEDGER-1). */
    private List<OrgUnit> allUnits(long tenantId) {
        return organisation.tree(DataScope.wholeTenant(tenantId), tenantId, false);
    }

    /** The tenant's people, for the lead group and the supervising leader. */
    private List<Person> allPeople(long tenantId) {
        return organisation.people(DataScope.wholeTenant(tenantId), tenantId, null, null, false);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** The keyset position: the deadline and id of the last row shown. */
    record Cursor(LocalDate deadline, long id) {

        static Cursor parse(String s) {
            if (s == null || s.isBlank()) {
                return null;
            }
            try {
                int i = s.indexOf('_');
                return new Cursor(LocalDate.parse(s.substring(0, i)), Long.parseLong(s.substring(i + 1)));
            } catch (RuntimeException e) {
                return null;
            }
        }

        static String of(LedgerRow last) {
            return last.deadline() + "_" + last.id();
        }
    }

}
