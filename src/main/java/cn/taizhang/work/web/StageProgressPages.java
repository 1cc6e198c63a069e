package cn.taizhang.work.web;

import cn.taizhang.board.Proposal;
import cn.taizhang.shared.AccessDeniedException;
import cn.taizhang.shared.CurrentUser;
import cn.taizhang.shared.DomainException;
import cn.taizhang.shared.web.Flash;
import cn.taizhang.work.domain.LedgerFilter;
import cn.taizhang.work.domain.Light;
import cn.taizhang.work.domain.StageProgressNotices;
import cn.taizhang.work.domain.WorkState;
import java.time.LocalDate;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The ledger page's “公示阶段进度”: the filtered items' stage progress handed to the board for notice. */
@Controller
class StageProgressPages {

    private final StageProgressNotices notices;
    private final MessageSource messages;

    StageProgressPages(StageProgressNotices notices, MessageSource messages) {
        this.notices = notices;
        this.messages = messages;
    }

    @PostMapping("/work/notice")
    String handOver(@RequestParam(required = false) Long unit, @RequestParam(required = false) String category,
                    @RequestParam(required = false) WorkState state, @RequestParam(required = false) Light light,
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueFrom,
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueTo,
                    RedirectAttributes redirect, Locale locale) {
        CurrentUser me = CurrentUser.require();
        if (!StageProgressNotices.mayHandOver(me)) {
            throw new AccessDeniedException();
        }
        try {
            Proposal p = notices.handOver(me, new LedgerFilter(unit,
                    category == null || category.isBlank() ? null : category, state, light, dueFrom, dueTo,
                    LedgerFilter.Sort.DEADLINE_ASC, null, null, StageProgressNotices.MAX_ITEMS));
            if (p.added() == 0) { // every line is on the board already
                Flash.say(redirect, messages, locale, "work.notice.unchanged");
                return p.issueId() == null ? "redirect:/work" : "redirect:/boards/issues/" + p.issueId();
            }
            Flash.say(redirect, messages, locale, "work.notice.handedOver", p.added(), p.issueCode());
            return "redirect:/boards/issues/" + p.issueId();
        } catch (DomainException e) {
            redirect.addFlashAttribute("workError", messages.getMessage(e.messageKey(), e.args(), locale));
            return "redirect:/work";
        }
    }
}
