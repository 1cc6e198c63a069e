package cn.taizhang.scoring.web;

import cn.taizhang.scoring.ConsequenceProposals;
import cn.taizhang.scoring.CycleWindow;
import cn.taizhang.shared.AccessDeniedException;
import cn.taizhang.shared.CurrentUser;
import cn.taizhang.shared.DomainException;
import cn.taizhang.shared.NotFoundException;
import cn.taizhang.shared.Role;
import cn.taizhang.shared.web.Flash;
import java.time.Clock;
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
 * 考核结果运用: a cycle's consequence proposals — generate them from the computed ranking, and
 * (leadership) confirm or reject each with a reason.
 */
@Controller
@RequestMapping("/scoring/consequences")
class ConsequencePages {

    private final ConsequenceProposals proposals;
    private final MessageSource messages;
    private final Clock clock;

    ConsequencePages(ConsequenceProposals proposals, MessageSource messages, Clock clock) {
        this.proposals = proposals;
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
        model.addAttribute("consequences", proposals.generable(me.tenantId()));
        model.addAttribute("proposals", all);
        model.addAttribute("counts", ConsequenceProposals.counts(all));
        model.addAttribute("leader", me.has(Role.LEADERSHIP));
        return "scoring/consequences";
    }

    @PostMapping("/generate")
    String generate(@RequestParam String consequence, @RequestParam String cycle, RedirectAttributes redirect,
                    Locale locale) {
        try {
            var g = proposals.generate(CurrentUser.require(), consequence, cycle);
            Flash.say(redirect, messages, locale, "assessment.flash.generated", g.stored(), g.superseded());
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
