package cn.taizhang.scoring.web;

import cn.taizhang.method.MethodDefinition.Consequence;
import cn.taizhang.method.MethodDefinition.ConsequenceKind;
import cn.taizhang.method.MethodDefinition.Period;
import cn.taizhang.method.MethodDefinition.SubjectKind;
import cn.taizhang.org.DataScope;
import cn.taizhang.org.OrgUnit;
import cn.taizhang.org.Organisation;
import cn.taizhang.org.Person;
import cn.taizhang.scoring.ConsequenceProposals;
import cn.taizhang.scoring.CycleWindow;
import cn.taizhang.scoring.SubjectRef;
import cn.taizhang.scoring.SuperiorStandings;
import cn.taizhang.shared.AccessDeniedException;
import cn.taizhang.shared.CurrentUser;
import cn.taizhang.shared.DomainException;
import cn.taizhang.shared.NotFoundException;
import cn.taizhang.shared.Role;
import cn.taizhang.shared.web.Flash;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * 考核结果运用: a cycle's consequence proposals — generate them from the computed ranking (group
 * funds with the month's fund pool; rise rewards from the superior standings recorded here), and
 * (leadership) confirm or reject each with a reason.
 */
@Controller
@RequestMapping("/scoring/consequences")
class ConsequencePages {

    /** A rise reward on the page: its standings this cycle and the cycle before, and whom one can be recorded for. */
    record Rise(Consequence consequence, SuperiorStandings.Standings standings, List<Choice> subjects) {
    }

    record Choice(String value, String label) {
    }

    private final ConsequenceProposals proposals;
    private final SuperiorStandings standings;
    private final Organisation organisation;
    private final MessageSource messages;
    private final Clock clock;

    ConsequencePages(ConsequenceProposals proposals, SuperiorStandings standings, Organisation organisation,
                     MessageSource messages, Clock clock) {
        this.proposals = proposals;
        this.standings = standings;
        this.organisation = organisation;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping
    String page(@RequestParam(required = false) String cycle, Model model, Locale locale) {
        CurrentUser me = CurrentUser.require();
        String key = cycle == null || cycle.isBlank()
                ? String.valueOf(CycleWindow.today(clock).getYear() - 1) : cycle.trim();
        List<ConsequenceProposals.Stored> all;
        try {
            all = proposals.ofCycle(me, key);
        } catch (DomainException e) {
            if (e instanceof AccessDeniedException) {
                throw e;
            }
            model.addAttribute("problem", messages.getMessage(e.messageKey(), e.args(), locale));
            all = List.of();
        }
        model.addAttribute("cycle", key);
        List<Consequence> generable = proposals.generable(me.tenantId());
        model.addAttribute("consequences", generable.stream().filter(c -> c.kind() != ConsequenceKind.GROUP_FUNDS)
                .toList());
        model.addAttribute("funds", generable.stream().filter(c -> c.kind() == ConsequenceKind.GROUP_FUNDS).toList());
        model.addAttribute("rises", rises(me, key));
        // funds are released per month: offer the shown cycle when it is one, else last month
        model.addAttribute("fundCycle", key.matches("\\d{4}-\\d{2}") ? key
                : CycleWindow.current(Period.MONTH, clock).previous().key());
        model.addAttribute("proposals", all);
        model.addAttribute("counts", ConsequenceProposals.counts(all));
        model.addAttribute("leader", me.has(Role.LEADERSHIP));
        return "scoring/consequences";
    }

    private List<Rise> rises(CurrentUser me, String cycle) {
        List<Rise> out = new ArrayList<>();
        for (Consequence c : standings.riseRewards(me.tenantId())) {
            SuperiorStandings.Standings s;
            try {
                s = standings.of(me, c.code(), cycle);
            } catch (DomainException e) {
                if (e instanceof AccessDeniedException) {
                    throw e;
                }
                continue; // a cycle key the page already reports as a problem
            }
            out.add(new Rise(c, s, subjectChoices(me.tenantId(), c)));
        }
        return out;
    }

    /** The people or units of the kinds the consequence rewards (all kinds when it names none). */
    private List<Choice> subjectChoices(long tenantId, Consequence c) {
        List<SubjectKind> kinds = c.subjects() == null || c.subjects().isEmpty() ? List.of(SubjectKind.values())
                : c.subjects();
        DataScope all = DataScope.wholeTenant(tenantId);
        List<Choice> out = new ArrayList<>();
        for (OrgUnit u : organisation.tree(all, tenantId, false)) {
            SubjectKind k = SubjectRef.kindOf(u.kind());
            if (k != null && kinds.contains(k)) {
                out.add(new Choice(new SubjectRef(k, u.id()).formValue(), u.name()));
            }
        }
        if (kinds.contains(SubjectKind.PERSON)) {
            for (Person p : organisation.people(all, tenantId, null, null, false)) {
                out.add(new Choice(new SubjectRef(SubjectKind.PERSON, p.id()).formValue(), p.name() + "（" + p.code() + "）"));
            }
        }
        return out;
    }

    @PostMapping("/generate")
    String generate(@RequestParam String consequence, @RequestParam String cycle,
                    @RequestParam(required = false) String fundPool, RedirectAttributes redirect, Locale locale) {
        try {
            var g = proposals.generate(CurrentUser.require(), consequence, cycle, yuan(fundPool));
            if (g.fundPool() != null) {
                Flash.say(redirect, messages, locale, "assessment.flash.fundsGenerated", g.stored(), g.superseded(),
                        g.fundPool().yuan());
            } else {
                Flash.say(redirect, messages, locale, "assessment.flash.generated", g.stored(), g.superseded());
            }
            if (!g.incomplete().isEmpty()) {
                redirect.addFlashAttribute("notice", messages.getMessage("assessment.rise.incomplete",
                        new Object[] {String.join("、", g.incomplete())}, locale));
            }
        } catch (DomainException e) {
            refused(e, redirect, locale);
        }
        return back(cycle);
    }

    /** The pool as typed (yuan); not a number is refused with the same message as a bad amount. */
    private static BigDecimal yuan(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(text.strip().replace(",", "").replace("，", ""));
        } catch (NumberFormatException e) {
            throw DomainException.atField("fundPool", "assessment.funds.poolInvalid", text.strip());
        }
    }

    @PostMapping("/standings")
    String enterStanding(@RequestParam String consequence, @RequestParam String standingCycle,
                         @RequestParam(required = false) String subject, @RequestParam(required = false) String standing,
                         @RequestParam(required = false) String reason, @RequestParam String cycle,
                         RedirectAttributes redirect, Locale locale) {
        try {
            Integer n;
            try {
                n = standing == null || standing.isBlank() ? null : Integer.valueOf(standing.strip());
            } catch (NumberFormatException e) {
                n = 0; // refused below as not a rank
            }
            standings.enter(CurrentUser.require(), new SuperiorStandings.Entry(consequence, standingCycle,
                    subject == null || subject.isBlank() ? null : SubjectRef.ofForm(subject), n, reason));
            Flash.say(redirect, messages, locale, "assessment.flash.standingEntered", standingCycle);
        } catch (DomainException e) {
            refused(e, redirect, locale);
        }
        return back(cycle);
    }

    @PostMapping("/{id}/decide")
    String decide(@PathVariable long id, @RequestParam String decision, @RequestParam(required = false) String reason,
                  @RequestParam String cycle, RedirectAttributes redirect, Locale locale) {
        CurrentUser me = CurrentUser.require();
        try {
            if ("confirm".equals(decision)) {
                proposals.confirm(me, id, reason);
                Flash.say(redirect, messages, locale, "assessment.flash.confirmed", String.valueOf(id));
            } else {
                proposals.reject(me, id, reason);
                Flash.say(redirect, messages, locale, "assessment.flash.rejected", String.valueOf(id));
            }
        } catch (DomainException e) {
            refused(e, redirect, locale);
            redirect.addFlashAttribute("problemId", id);
        }
        return back(cycle);
    }

    private void refused(DomainException e, RedirectAttributes redirect, Locale locale) {
        if (e instanceof AccessDeniedException || e instanceof NotFoundException) {
            throw e;
        }
        redirect.addFlashAttribute("problem", messages.getMessage(e.messageKey(), e.args(), locale));
    }

    private static String back(String cycle) {
        return "redirect:" + UriComponentsBuilder.fromPath("/scoring/consequences").queryParam("cycle", cycle)
                .encode().build().toUriString();
    }
}
