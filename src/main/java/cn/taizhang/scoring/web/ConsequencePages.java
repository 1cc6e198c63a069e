package cn.taizhang.scoring.web;

import cn.taizhang.method.MethodDefinition.Consequence;
import cn.taizhang.method.MethodDefinition.ConsequenceKind;
import cn.taizhang.method.MethodDefinition.Period;
import cn.taizhang.method.MethodDefinition.SubjectKind;
import cn.taizhang.org.DataScope;
import cn.taizhang.org.OrgUnit;
import cn.taizhang.org.Organisation;
import cn.taizhang.org.Person;
import cn.taizhang.org.Tenant;
import cn.taizhang.scoring.Assessments;
import cn.taizhang.scoring.ConsequenceProposals;
import cn.taizhang.scoring.Money;
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
    private final Assessments assessments;
    private final Organisation organisation;
    private final MessageSource messages;
    private final Clock clock;

    ConsequencePages(ConsequenceProposals proposals, SuperiorStandings standings, Assessments assessments,
                     Organisation organisation, MessageSource messages, Clock clock) {
        this.proposals = proposals;
        this.standings = standings;
        this.assessments = assessments;
        this.organisation = organisation;
        this.messages = messages;
        this.clock = clock;
    }

    /**
     * The page of a cycle: the own township's, or read-only a township of the county for its county
     * administrator ({@code tenant}); {@code preview} (a group-funds consequence) with {@code month}
     * and {@code pool} shows each group's share and amount without storing anything.
     */
    @GetMapping
    String page(@RequestParam(required = false) Long tenant, @RequestParam(required = false) String cycle,
                @RequestParam(required = false) String preview, @RequestParam(required = false) String month,
                @RequestParam(required = false) String pool, Model model, Locale locale) {
        CurrentUser me = CurrentUser.require();
        long shown = assessments.shownTenant(me, tenant);
        boolean own = shown == me.tenantId();
        if (own && !me.hasAny(Role.LEADERSHIP, Role.DISCIPLINE)) {
            throw new AccessDeniedException();
        }
        assessments.requireReader(me, shown);
        String key = cycle == null || cycle.isBlank()
                ? String.valueOf(CycleWindow.today(clock).getYear() - 1) : cycle.trim();
        List<ConsequenceProposals.Stored> all;
        try {
            all = proposals.ofCycle(me, shown, key);
        } catch (DomainException e) {
            if (e instanceof AccessDeniedException || e instanceof NotFoundException) {
                throw e;
            }
            model.addAttribute("problem", messages.getMessage(e.messageKey(), e.args(), locale));
            all = List.of();
        }
        List<Tenant> townships = assessments.countyTownships(me);
        model.addAttribute("tenantId", shown);
        model.addAttribute("townships", townships);
        model.addAttribute("township", own ? null : townships.stream().filter(t -> t.id() == shown).findFirst()
                .orElse(null));
        model.addAttribute("cycle", key);
        List<Consequence> generable = proposals.generable(shown);
        model.addAttribute("consequences", generable.stream().filter(c -> c.kind() != ConsequenceKind.GROUP_FUNDS)
                .toList());
        model.addAttribute("funds", generable.stream().filter(c -> c.kind() == ConsequenceKind.GROUP_FUNDS).toList());
        boolean leader = own && me.has(Role.LEADERSHIP);
        model.addAttribute("rises", rises(me, shown, key, leader));
        // funds are released per month: offer the shown cycle when it is one, else last month
        String fundCycle = key.matches("\\d{4}-\\d{2}") ? key : CycleWindow.current(Period.MONTH, clock).previous().key();
        model.addAttribute("fundCycle", month == null || month.isBlank() ? fundCycle : month.strip());
        model.addAttribute("pool", pool);
        if (preview != null && !preview.isBlank()) {
            preview(me, shown, preview.strip(), month == null || month.isBlank() ? fundCycle : month.strip(), pool,
                    model, locale);
        }
        model.addAttribute("proposals", all);
        model.addAttribute("counts", ConsequenceProposals.counts(all));
        // the county administrator reads; generating, recording and deciding stay with the township
        model.addAttribute("generator", own && me.hasAny(Role.LEADERSHIP, Role.DISCIPLINE));
        model.addAttribute("leader", leader);
        return "scoring/consequences";
    }

    /** The preview of a group-funds consequence: shares and, with the pool, amounts adding up to it; nothing stored. */
    private void preview(CurrentUser me, long tenantId, String code, String month, String pool, Model model,
                         Locale locale) {
        model.addAttribute("previewCode", code);
        model.addAttribute("previewMonth", month);
        try {
            List<Assessments.Proposal> rows = assessments.consequences(me, tenantId, code, month,
                    ScoringApi.yuan(pool, "pool"));
            model.addAttribute("preview", rows);
            Money total = Money.ZERO;
            for (Assessments.Proposal p : rows) {
                total = p.amount() == null ? total : total.plus(p.amount());
            }
            model.addAttribute("previewTotal", rows.stream().anyMatch(p -> p.amount() != null) ? total : null);
        } catch (DomainException e) {
            if (e instanceof AccessDeniedException || e instanceof NotFoundException) {
                throw e;
            }
            model.addAttribute("previewProblem", messages.getMessage(e.messageKey(), e.args(), locale));
        }
    }

    private List<Rise> rises(CurrentUser me, long tenantId, String cycle, boolean leader) {
        List<Rise> out = new ArrayList<>();
        for (Consequence c : standings.riseRewards(tenantId)) {
            SuperiorStandings.Standings s;
            try {
                s = standings.of(me, tenantId, c.code(), cycle);
            } catch (DomainException e) {
                if (e instanceof AccessDeniedException || e instanceof NotFoundException) {
                    throw e;
                }
                continue; // a cycle key the page already reports as a problem
            }
            out.add(new Rise(c, s, leader ? subjectChoices(tenantId, c) : List.of()));
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
        return ScoringApi.yuan(text, "fundPool");
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
