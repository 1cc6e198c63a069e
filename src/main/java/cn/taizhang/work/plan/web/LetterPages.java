package cn.taizhang.work.plan.web;

import cn.taizhang.org.DataScope;
import cn.taizhang.org.OrgScopes;
import cn.taizhang.org.Organisation;
import cn.taizhang.org.Person;
import cn.taizhang.shared.CurrentUser;
import cn.taizhang.shared.DomainException;
import cn.taizhang.shared.Role;
import cn.taizhang.shared.web.Flash;
import cn.taizhang.shared.web.FormErrors;
import cn.taizhang.work.plan.ResponsibilityLetters;
import cn.taizhang.work.plan.ResponsibilityLetters.LetterView;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
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
 * Responsibility letters (目标责任书, WORK-5): the year's letters by title with who has and who has not
 * acknowledged, the form to issue letters, a letter to read and acknowledge.
 */
@Controller
@RequestMapping("/work/plans/letters")
class LetterPages {

    private final ResponsibilityLetters letters;
    private final Organisation organisation;
    private final OrgScopes scopes;
    private final MessageSource messages;
    private final Clock clock;

    LetterPages(ResponsibilityLetters letters, Organisation organisation, OrgScopes scopes, MessageSource messages,
                Clock clock) {
        this.letters = letters;
        this.organisation = organisation;
        this.scopes = scopes;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping
    String list(@RequestParam(required = false) Integer year, Model model) {
        int y = year == null ? LocalDate.now(clock).getYear() : year;
        var form = new PlanForms.LetterForm();
        form.setYear(y);
        return page(y, form, model);
    }

    private String page(int year, PlanForms.LetterForm form, Model model) {
        CurrentUser me = CurrentUser.require();
        List<LetterView> all = letters.list(me, year);
        Map<String, List<LetterView>> byTitle = new LinkedHashMap<>();
        for (LetterView l : all) {
            byTitle.computeIfAbsent(l.letter().title(), k -> new java.util.ArrayList<>()).add(l);
        }
        model.addAttribute("year", year);
        model.addAttribute("byTitle", byTitle);
        model.addAttribute("mine", all.stream().filter(l -> Objects.equals(l.letter().addresseePersonId(), me.personId()))
                .toList());
        boolean mayIssue = letters.mayIssue(me);
        model.addAttribute("mayIssue", mayIssue);
        if (mayIssue) {
            DataScope scope = me.hasAny(Role.LEADERSHIP, Role.COUNTY_ADMIN) ? DataScope.wholeTenant(me.tenantId())
                    : scopes.of(me);
            List<Person> people = organisation.people(scope, me.tenantId(), null, null, false).stream()
                    .filter(p -> !Objects.equals(p.id(), me.personId())).toList();
            model.addAttribute("addresseeChoices", people);
        }
        model.addAttribute("form", form);
        return "plans/letters";
    }

    @PostMapping
    String issue(@Valid @ModelAttribute("form") PlanForms.LetterForm form, BindingResult result, Model model,
                 RedirectAttributes redirect, Locale locale) {
        int year = form.getYear() == null ? LocalDate.now(clock).getYear() : form.getYear();
        if (!result.hasErrors()) {
            try {
                var issued = letters.issue(CurrentUser.require(), form.toIssue());
                Flash.say(redirect, messages, locale, "plan.letter.issued", String.valueOf(issued.size()));
                return "redirect:/work/plans/letters?year=" + year;
            } catch (DomainException e) {
                PlanPages.rethrowAccess(e);
                FormErrors.reject(result, e);
            }
        }
        return page(year, form, model);
    }

    @GetMapping("/{id}")
    String show(@PathVariable long id, Model model) {
        CurrentUser me = CurrentUser.require();
        var letter = letters.letter(me, id);
        model.addAttribute("letter", letter);
        model.addAttribute("addressee", organisation.findPersonInTenant(letter.tenantId(), letter.addresseePersonId())
                .map(Person::name).orElse(""));
        model.addAttribute("mayAcknowledge", !letter.acknowledged()
                && Objects.equals(letter.addresseePersonId(), me.personId()));
        return "plans/letter";
    }

    @PostMapping("/{id}/acknowledge")
    String acknowledge(@PathVariable long id, Model model, RedirectAttributes redirect, Locale locale) {
        CurrentUser me = CurrentUser.require();
        try {
            letters.acknowledge(me, id);
        } catch (DomainException e) {
            PlanPages.rethrowAccess(e);
            model.addAttribute("actionError", messages.getMessage(e.messageKey(), e.args(), locale));
            return show(id, model);
        }
        Flash.say(redirect, messages, locale, "plan.letter.acknowledgedDone");
        return "redirect:/work/plans/letters/" + id;
    }
}
