package cn.taizhang.work.web;

import cn.taizhang.shared.CurrentUser;
import cn.taizhang.shared.DomainException;
import cn.taizhang.shared.web.Flash;
import cn.taizhang.shared.web.FormErrors;
import cn.taizhang.work.domain.SupervisionRound;
import jakarta.validation.Valid;
import java.io.Serializable;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The supervision group's monthly round (每月督办, LEDGER-4/LEDGER-6): lagging items, one opinion to
 * several of them at once, the month's opinions with their answers and close-outs, the quarter's stage
 * evaluations. The discipline office acts; the leadership looks on; others are refused (403).
 */
@Controller
@RequestMapping("/work/round")
class RoundPages {

    /** One supervision opinion (督办意见) for the chosen items. */
    public static class OpinionsForm implements Serializable {
        private List<Long> itemIds = new ArrayList<>();
        private String measures;
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private LocalDate until;
        private String text;

        public List<Long> getItemIds() { return itemIds; }
        public void setItemIds(List<Long> itemIds) { this.itemIds = itemIds; }
        public String getMeasures() { return measures; }
        public void setMeasures(String measures) { this.measures = measures; }
        public LocalDate getUntil() { return until; }
        public void setUntil(LocalDate until) { this.until = until; }
        public String getText() { return text; }
        public void setText(String text) { this.text = text; }
    }

    private final SupervisionRound round;
    private final MessageSource messages;
    private final Clock clock;

    RoundPages(SupervisionRound round, MessageSource messages, Clock clock) {
        this.round = round;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping
    String show(@RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") YearMonth month, Model model) {
        if (!model.containsAttribute("opinionsForm")) {
            var form = new OpinionsForm();
            form.setUntil(LocalDate.now(clock).plusDays(7));
            model.addAttribute("opinionsForm", form);
        }
        SupervisionRound.Round r = round.round(CurrentUser.require(), month);
        model.addAttribute("round", r);
        model.addAttribute("previous", r.month().minusMonths(1).toString());
        model.addAttribute("next", r.month().plusMonths(1).toString());
        return "work/round";
    }

    @PostMapping("/opinions")
    String issue(@Valid @ModelAttribute("opinionsForm") OpinionsForm form, BindingResult result, Model model,
                 RedirectAttributes redirect, Locale locale) {
        try {
            int n = round.issue(CurrentUser.require(), form.getItemIds(), form.getMeasures(), form.getUntil(),
                    form.getText());
            Flash.say(redirect, messages, locale, "inspection.round.issued", n);
            return "redirect:/work/round";
        } catch (cn.taizhang.shared.NotFoundException | cn.taizhang.shared.AccessDeniedException e) {
            throw e;
        } catch (DomainException e) {
            FormErrors.reject(result, e);
        }
        return show(null, model);
    }
}
