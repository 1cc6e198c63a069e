package cn.taizhang.work.plan.web;

import cn.taizhang.shared.CurrentUser;
import cn.taizhang.shared.DomainException;
import cn.taizhang.shared.web.Flash;
import cn.taizhang.shared.web.FormErrors;
import cn.taizhang.work.plan.CommitmentKind;
import cn.taizhang.work.plan.Commitments;
import cn.taizhang.work.plan.Outcome;
import jakarta.validation.Valid;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
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
 * Month-start commitments (月初晒承诺, WORK-3): the member's own list with the forms to add, submit
 * and mark at month end; below it the lists of the people the viewer manages.
 */
@Controller
@RequestMapping("/work/plans/commitments")
class CommitmentPages {

    private final Commitments commitments;
    private final MessageSource messages;

    CommitmentPages(Commitments commitments, MessageSource messages) {
        this.commitments = commitments;
        this.messages = messages;
    }

    @GetMapping
    String show(@RequestParam(required = false) String month, Model model) {
        return page(parse(month), model);
    }

    private String page(YearMonth month, Model model) {
        CurrentUser me = CurrentUser.require();
        model.addAttribute("month", month);
        model.addAttribute("previous", month.minusMonths(1));
        model.addAttribute("next", month.plusMonths(1));
        model.addAttribute("mine", me.personId() == null ? null : commitments.mine(me, month));
        List<Commitments.Sheet> team = commitments.team(me, month);
        model.addAttribute("team", team);
        model.addAttribute("teamSubmitted", team.stream().filter(Commitments.Sheet::submitted).count());
        model.addAttribute("monthEnd", commitments.monthEndReached(me.tenantId(), month));
        model.addAttribute("lastWorkingDay", commitments.lastWorkingDay(me.tenantId(), month));
        model.addAttribute("mayMarkTeam", team.stream().anyMatch(s -> commitments.mayMark(me, s.person())));
        model.addAttribute("kinds", CommitmentKind.values());
        model.addAttribute("outcomes", Outcome.values());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new PlanForms.CommitmentForm());
        }
        return "plans/commitments";
    }

    @PostMapping
    String add(@RequestParam String month, @Valid @ModelAttribute("form") PlanForms.CommitmentForm form,
               BindingResult result, Model model, RedirectAttributes redirect, Locale locale) {
        YearMonth m = parse(month);
        if (!result.hasErrors()) {
            try {
                commitments.add(CurrentUser.require(), m, form.getKind(), form.getText());
                Flash.say(redirect, messages, locale, "plan.commitment.added");
                return "redirect:/work/plans/commitments?month=" + m;
            } catch (DomainException e) {
                PlanPages.rethrowAccess(e);
                if (e.field() == null) {
                    // a rule of the state, not of a field: shown at the top, the form may not be on the page
                    model.addAttribute("actionError", messages.getMessage(e.messageKey(), e.args(), locale));
                } else {
                    FormErrors.reject(result, e);
                }
            }
        }
        return page(m, model);
    }

    @PostMapping("/submit")
    String submit(@RequestParam String month, Model model, RedirectAttributes redirect, Locale locale) {
        YearMonth m = parse(month);
        return act(m, model, redirect, locale, "plan.commitment.submittedDone",
                () -> commitments.submit(CurrentUser.require(), m));
    }

    @PostMapping("/{id}/remove")
    String remove(@PathVariable long id, @RequestParam String month, Model model, RedirectAttributes redirect,
                  Locale locale) {
        return act(parse(month), model, redirect, locale, "plan.commitment.removed",
                () -> commitments.remove(CurrentUser.require(), id));
    }

    @PostMapping("/{id}/outcome")
    String outcome(@PathVariable long id, @RequestParam String month,
                   @ModelAttribute PlanForms.OutcomeForm form, BindingResult result, Model model,
                   RedirectAttributes redirect, Locale locale) {
        YearMonth m = parse(month);
        if (result.hasErrors()) {
            model.addAttribute("actionError", messages.getMessage("plan.commitment.outcome.required", null, locale));
            return page(m, model);
        }
        return act(m, model, redirect, locale, "plan.commitment.marked",
                () -> commitments.mark(CurrentUser.require(), id, form.getOutcome(), form.getRemark()));
    }

    private String act(YearMonth month, Model model, RedirectAttributes redirect, Locale locale, String doneKey,
                       Runnable action) {
        try {
            action.run();
            Flash.say(redirect, messages, locale, doneKey);
            return "redirect:/work/plans/commitments?month=" + month;
        } catch (DomainException e) {
            PlanPages.rethrowAccess(e);
            model.addAttribute("actionError", messages.getMessage(e.messageKey(), e.args(), locale));
            return page(month, model);
        }
    }

    private YearMonth parse(String month) {
        return parse(month, commitments);
    }

    /** The month a page or the API names (2026-12), this month when none; anything else is refused. */
    static YearMonth parse(String month, Commitments commitments) {
        if (month == null || month.isBlank()) {
            return commitments.thisMonth();
        }
        try {
            return YearMonth.parse(month.strip());
        } catch (DateTimeParseException e) {
            throw DomainException.atField("month", "plan.commitment.month.invalid", month);
        }
    }
}
