package cn.taizhang.work.web;

import cn.taizhang.shared.CurrentUser;
import cn.taizhang.shared.DomainException;
import cn.taizhang.shared.web.Flash;
import cn.taizhang.shared.web.FormErrors;
import cn.taizhang.work.domain.OfficialCalendar;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The official calendar by year; the system administrator adds the next year's days (WORK-6). */
@Controller
@RequestMapping("/work/calendar")
class CalendarPages {

    private final OfficialCalendar calendar;
    private final MessageSource messages;
    private final Clock clock;

    CalendarPages(OfficialCalendar calendar, MessageSource messages, Clock clock) {
        this.calendar = calendar;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping
    String show(@RequestParam(required = false) Integer year, Model model) {
        return page(year == null ? LocalDate.now(clock).getYear() : year, new CalendarForm(), model);
    }

    @PostMapping
    String put(@Valid @ModelAttribute("form") CalendarForm form, BindingResult result, Model model,
               RedirectAttributes redirect, Locale locale) {
        if (!result.hasErrors()) {
            try {
                calendar.put(CurrentUser.require(), form.getDay(), form.getWorking(), form.getName());
                Flash.say(redirect, messages, locale, "work.calendar.saved", form.getDay().toString());
                return "redirect:/work/calendar?year=" + form.getDay().getYear();
            } catch (DomainException e) {
                if (e instanceof cn.taizhang.shared.AccessDeniedException) {
                    throw e;
                }
                FormErrors.reject(result, e);
            }
        }
        return page(form.getDay() == null ? LocalDate.now(clock).getYear() : form.getDay().getYear(), form, model);
    }

    private String page(int year, CalendarForm form, Model model) {
        CurrentUser me = CurrentUser.require();
        model.addAttribute("year", year);
        model.addAttribute("days", calendar.days(me, year));
        model.addAttribute("mayEdit", calendar.mayEdit(me));
        model.addAttribute("form", form);
        return "work/calendar";
    }
}
