package cn.taizhang.work.plan.web;

import cn.taizhang.org.DataScope;
import cn.taizhang.org.OrgScopes;
import cn.taizhang.org.Organisation;
import cn.taizhang.org.Person;
import cn.taizhang.shared.AccessDeniedException;
import cn.taizhang.shared.CurrentUser;
import cn.taizhang.shared.DomainException;
import cn.taizhang.shared.NotFoundException;
import cn.taizhang.shared.Role;
import cn.taizhang.shared.web.Flash;
import cn.taizhang.shared.web.FormErrors;
import cn.taizhang.work.domain.WorkItems;
import cn.taizhang.work.plan.Plan;
import cn.taizhang.work.plan.PlanLevel;
import cn.taizhang.work.plan.Plans;
import cn.taizhang.work.plan.Plans.LineView;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
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
 * The plans area (WORK-3, WORK-4): the year's plans of the cascade, a plan with its lines and the forms
 * to add a line or carry it out as a work item, and the printable task book (任务书) and timetable (时间表).
 */
@Controller
@RequestMapping("/work/plans")
class PlanPages {

    private final Plans plans;
    private final WorkItems work;
    private final Organisation organisation;
    private final OrgScopes scopes;
    private final MessageSource messages;
    private final Clock clock;

    PlanPages(Plans plans, WorkItems work, Organisation organisation, OrgScopes scopes, MessageSource messages,
              Clock clock) {
        this.plans = plans;
        this.work = work;
        this.organisation = organisation;
        this.scopes = scopes;
        this.messages = messages;
        this.clock = clock;
    }

    // ------------------------------------------------------------------ the year's plans

    @GetMapping
    String index(@RequestParam(required = false) Integer year, Model model) {
        int y = year == null ? LocalDate.now(clock).getYear() : year;
        var form = new PlanForms.PlanForm();
        form.setYear(y);
        form.setMonth(LocalDate.now(clock).getMonthValue());
        form.setPersonId(CurrentUser.require().personId());
        return indexPage(y, form, model);
    }

    @PostMapping("/new")
    String create(@Valid @ModelAttribute("form") PlanForms.PlanForm form, BindingResult result, Model model,
                  RedirectAttributes redirect, Locale locale) {
        if (!result.hasErrors()) {
            try {
                Plan plan = plans.create(CurrentUser.require(), form.toNewPlan());
                Flash.say(redirect, messages, locale, "plan.created", plan.title());
                return "redirect:/work/plans/" + plan.id();
            } catch (DomainException e) {
                rethrowAccess(e);
                FormErrors.reject(result, e);
            }
        }
        return indexPage(form.getYear() == null ? LocalDate.now(clock).getYear() : form.getYear(), form, model);
    }

    private String indexPage(int year, PlanForms.PlanForm form, Model model) {
        CurrentUser me = CurrentUser.require();
        List<Plans.PlanView> all = plans.list(me, year);
        model.addAttribute("year", year);
        model.addAttribute("byLevel", java.util.Arrays.stream(PlanLevel.values()).collect(Collectors.toMap(
                l -> l, l -> all.stream().filter(p -> p.plan().level() == l).toList(), (a, b) -> a,
                () -> new java.util.EnumMap<>(PlanLevel.class))));
        List<PlanLevel> levels = levelsFor(me);
        model.addAttribute("levels", levels);
        model.addAttribute("mayGroupPlans", levels.contains(PlanLevel.GROUP_ANNUAL));
        model.addAttribute("form", form);
        DataScope scope = scopes.of(me);
        boolean leadership = me.hasAny(Role.LEADERSHIP, Role.COUNTY_ADMIN);
        model.addAttribute("unitChoices", organisation.tree(scope, me.tenantId(), false).stream()
                .filter(u -> u.parentId() != null && (leadership || scope.subtreePath() != null)).toList());
        model.addAttribute("personChoices", personChoices(me, scope));
        return "plans/index";
    }

    /** The levels the user may start a plan at: everyone his own monthly plan, managers their groups'. */
    private static List<PlanLevel> levelsFor(CurrentUser me) {
        List<PlanLevel> out = new ArrayList<>();
        if (me.hasAny(Role.LEADERSHIP, Role.COUNTY_ADMIN)) {
            out.add(PlanLevel.TOWNSHIP_ANNUAL);
        }
        if (me.hasAny(Role.LEADERSHIP, Role.COUNTY_ADMIN, Role.GROUP_LEADER, Role.VILLAGE_CADRE)) {
            out.add(PlanLevel.GROUP_ANNUAL);
            out.add(PlanLevel.GROUP_MONTHLY);
        }
        if (me.personId() != null) {
            out.add(PlanLevel.MEMBER_MONTHLY);
        }
        return out;
    }

    private List<Person> personChoices(CurrentUser me, DataScope scope) {
        List<Person> people = new ArrayList<>(organisation.people(scope, me.tenantId(), null, null, false));
        if (me.personId() != null && people.stream().noneMatch(p -> p.id() == me.personId())) {
            organisation.findPersonInTenant(me.tenantId(), me.personId()).ifPresent(p -> people.add(0, p));
        }
        return people;
    }

    // ------------------------------------------------------------------ a plan

    @GetMapping("/{id}")
    String show(@PathVariable long id, Model model) {
        return planPage(id, model);
    }

    private String planPage(long id, Model model) {
        CurrentUser me = CurrentUser.require();
        Plan plan = plans.plan(me, id);
        List<LineView> lines = plans.lines(me, id);
        model.addAttribute("pv", plans.view(plan));
        model.addAttribute("plan", plan);
        model.addAttribute("lines", lines);
        model.addAttribute("servedBy", plans.servedBy(me, lines));
        boolean editable = plans.mayEdit(me, plan);
        model.addAttribute("editable", editable);
        if (editable) {
            model.addAttribute("servable", plans.servable(me, plan));
            model.addAttribute("unitChoices", organisation.tree(DataScope.wholeTenant(me.tenantId()), me.tenantId(), false));
            model.addAttribute("peopleChoices", organisation.people(DataScope.wholeTenant(me.tenantId()), me.tenantId(),
                    null, null, false));
            model.addAttribute("categories", work.categories(me.tenantId()));
            if (!model.containsAttribute("lineForm")) {
                var f = new PlanForms.LineForm();
                f.setDeadline(plan.periodEnd());
                f.setResponsibleUnitId(plan.unitId());
                f.setResponsiblePersonId(plan.personId());
                model.addAttribute("lineForm", f);
            }
            if (!model.containsAttribute("itemForm")) {
                model.addAttribute("itemForm", new PlanForms.ItemForm());
            }
        }
        return "plans/plan";
    }

    @PostMapping("/{id}/lines")
    String addLine(@PathVariable long id, @Valid @ModelAttribute("lineForm") PlanForms.LineForm form,
                   BindingResult result, Model model, RedirectAttributes redirect, Locale locale) {
        if (!result.hasErrors()) {
            try {
                plans.addLine(CurrentUser.require(), id, form.toNewLine());
                Flash.say(redirect, messages, locale, "plan.line.added");
                return "redirect:/work/plans/" + id;
            } catch (DomainException e) {
                rethrowAccess(e);
                FormErrors.reject(result, e);
            }
        }
        return planPage(id, model);
    }

    @PostMapping("/lines/{lineId}/link")
    String link(@PathVariable long lineId, @RequestParam long plan,
                @ModelAttribute("itemForm") PlanForms.ItemForm form, BindingResult result, Model model,
                RedirectAttributes redirect, Locale locale) {
        return onLine(plan, lineId, result, model, redirect, locale, "plan.line.linkedDone",
                () -> plans.linkItem(CurrentUser.require(), lineId, form.getWorkItemId()));
    }

    @PostMapping("/lines/{lineId}/item")
    String createItem(@PathVariable long lineId, @RequestParam long plan,
                      @ModelAttribute("itemForm") PlanForms.ItemForm form, BindingResult result, Model model,
                      RedirectAttributes redirect, Locale locale) {
        return onLine(plan, lineId, result, model, redirect, locale, "plan.line.itemCreatedDone",
                () -> plans.createItem(CurrentUser.require(), lineId, form.getCategoryCode()));
    }

    // ------------------------------------------------------------------ a line and its corrections

    @GetMapping("/lines/{lineId}")
    String line(@PathVariable long lineId, Model model) {
        return linePage(lineId, model);
    }

    private String linePage(long lineId, Model model) {
        return linePage(lineId, model, org.springframework.context.i18n.LocaleContextHolder.getLocale());
    }

    private String linePage(long lineId, Model model, Locale locale) {
        CurrentUser me = CurrentUser.require();
        LineView line = plans.line(me, lineId);
        Plan plan = plans.plan(me, line.line().planId());
        model.addAttribute("pv", plans.view(plan));
        model.addAttribute("plan", plan);
        model.addAttribute("l", line);
        model.addAttribute("revisions", plans.revisions(me, lineId));
        model.addAttribute("reasonRequired", plans.reliedOn(line.line()));
        boolean editable = plans.mayEdit(me, plan);
        model.addAttribute("editable", editable);
        if (editable) {
            DomainException notDeletable = plans.whyNotDeletable(line.line());
            model.addAttribute("deleteRefusal", notDeletable == null ? null
                    : messages.getMessage(notDeletable.messageKey(), notDeletable.args(), locale));
            model.addAttribute("servable", plans.servable(me, plan));
            model.addAttribute("unitChoices", organisation.tree(DataScope.wholeTenant(me.tenantId()), me.tenantId(), false));
            model.addAttribute("peopleChoices", organisation.people(DataScope.wholeTenant(me.tenantId()), me.tenantId(),
                    null, null, false));
            if (!model.containsAttribute("reviseForm")) {
                model.addAttribute("reviseForm", PlanForms.ReviseForm.of(line.line()));
            }
        }
        return "plans/line";
    }

    @PostMapping("/lines/{lineId}/revise")
    String revise(@PathVariable long lineId, @Valid @ModelAttribute("reviseForm") PlanForms.ReviseForm form,
                  BindingResult result, Model model, RedirectAttributes redirect, Locale locale) {
        if (!result.hasErrors()) {
            try {
                var line = plans.revise(CurrentUser.require(), lineId, form.toNewLine(), form.getReason());
                if (line.workItemId() == null) {
                    Flash.say(redirect, messages, locale, "plan.line.revisedDone");
                } else {
                    Flash.say(redirect, messages, locale, "plan.line.revisedItemKept", String.valueOf(line.workItemId()));
                }
                return "redirect:/work/plans/" + line.planId();
            } catch (DomainException e) {
                rethrowAccess(e);
                if (e.field() == null) {
                    model.addAttribute("actionError", messages.getMessage(e.messageKey(), e.args(), locale));
                } else {
                    FormErrors.reject(result, e);
                }
            }
        }
        return linePage(lineId, model);
    }

    /** Deletes a line nothing relies on; a refusal shows on the line's page with its reason. */
    @PostMapping("/lines/{lineId}/delete")
    String deleteLine(@PathVariable long lineId, @RequestParam(required = false) String reason, Model model,
                      RedirectAttributes redirect, Locale locale) {
        CurrentUser me = CurrentUser.require();
        long planId = plans.line(me, lineId).line().planId();
        try {
            plans.deleteLine(me, lineId, reason);
            Flash.say(redirect, messages, locale, "plan.line.delete.done");
            return "redirect:/work/plans/" + planId;
        } catch (DomainException e) {
            rethrowAccess(e);
            model.addAttribute("actionError", messages.getMessage(e.messageKey(), e.args(), locale));
            return linePage(lineId, model, locale);
        }
    }

    /** Runs an action on a line; a refusal shows at the top of the plan page, naming the line. */
    private String onLine(long planId, long lineId, BindingResult result, Model model, RedirectAttributes redirect,
                          Locale locale, String doneKey, Runnable action) {
        if (!result.hasErrors()) {
            try {
                action.run();
                Flash.say(redirect, messages, locale, doneKey);
                return "redirect:/work/plans/" + planId;
            } catch (DomainException e) {
                rethrowAccess(e);
                model.addAttribute("lineError", lineId);
                model.addAttribute("actionError", messages.getMessage(e.messageKey(), e.args(), locale));
            }
        } else {
            model.addAttribute("lineError", lineId);
            model.addAttribute("actionError", messages.getMessage("typeMismatch", null, locale));
        }
        return planPage(planId, model);
    }

    // ------------------------------------------------------------------ printable

    @GetMapping("/{id}/task-book")
    String taskBook(@PathVariable long id, Model model) {
        CurrentUser me = CurrentUser.require();
        Plan plan = plans.plan(me, id);
        List<LineView> lines = plans.lines(me, id);
        model.addAttribute("pv", plans.view(plan));
        model.addAttribute("plan", plan);
        model.addAttribute("lines", lines);
        model.addAttribute("servedBy", plans.servedBy(me, lines));
        model.addAttribute("printedOn", LocalDate.now(clock));
        return "plans/task-book";
    }

    @GetMapping("/{id}/timetable")
    String timetable(@PathVariable long id, Model model) {
        CurrentUser me = CurrentUser.require();
        Plan plan = plans.plan(me, id);
        List<LineView> lines = plans.lines(me, id).stream()
                .sorted(java.util.Comparator.comparing((LineView l) -> l.line().deadline()).thenComparing(l -> l.line().seq()))
                .toList();
        model.addAttribute("pv", plans.view(plan));
        model.addAttribute("plan", plan);
        model.addAttribute("columns", Timetable.columns(plan));
        model.addAttribute("rows", lines.stream().map(l -> new Timetable.Row(l, Timetable.cells(plan, l.line().deadline())))
                .toList());
        model.addAttribute("printedOn", LocalDate.now(clock));
        return "plans/timetable";
    }

    /** 404 and 403 keep their status and page; other refusals show on the form. */
    static void rethrowAccess(DomainException e) {
        if (e instanceof NotFoundException || e instanceof AccessDeniedException) {
            throw e;
        }
    }

    /** The timetable's columns: the months of an annual plan, the weeks of a monthly one. */
    static final class Timetable {

        /** Per column: 0 nothing, 1 under way, 2 due in this column. */
        record Row(LineView line, List<Integer> cells) {
        }

        private Timetable() {
        }

        static List<Integer> columns(Plan plan) {
            int n = plan.month() == null ? 12 : (plan.periodEnd().getDayOfMonth() + 6) / 7;
            return java.util.stream.IntStream.rangeClosed(1, n).boxed().toList();
        }

        static List<Integer> cells(Plan plan, LocalDate deadline) {
            int due = plan.month() == null ? deadline.getMonthValue() : (deadline.getDayOfMonth() - 1) / 7 + 1;
            return columns(plan).stream().map(c -> c < due ? 1 : c == due ? 2 : 0).toList();
        }
    }
}
