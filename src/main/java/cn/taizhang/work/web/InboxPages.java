package cn.taizhang.work.web;

import cn.taizhang.shared.CurrentUser;
import cn.taizhang.shared.web.Flash;
import cn.taizhang.work.domain.Reminder;
import cn.taizhang.work.domain.Reminders;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The signed-in person's inbox of reminders (催办提醒, WORK-7): read, mark read, open the item. */
@Controller
@RequestMapping("/inbox")
class InboxPages {

    private final Reminders reminders;
    private final MessageSource messages;

    InboxPages(Reminders reminders, MessageSource messages) {
        this.reminders = reminders;
        this.messages = messages;
    }

    /** A message with its text in the page's language. */
    record Row(Reminder reminder, String text) {
    }

    @GetMapping
    String inbox(Model model, Locale locale) {
        CurrentUser user = CurrentUser.require();
        List<Row> rows = reminders.inbox(user).stream().map(r -> new Row(r, messages.getMessage(r.messageKey(),
                r.textArgs(r.light() == null ? "" : messages.getMessage(r.light().messageKey(), null, locale)), locale)))
                .toList();
        model.addAttribute("rows", rows);
        model.addAttribute("hasPerson", user.personId() != null);
        return "work/inbox";
    }

    /** Marks the message read and opens its item. */
    @PostMapping("/{id}/open")
    String open(@PathVariable long id) {
        CurrentUser user = CurrentUser.require();
        long item = reminders.markRead(user, id);
        return "redirect:/work/" + item;
    }

    @PostMapping("/{id}/read")
    String read(@PathVariable long id) {
        reminders.markRead(CurrentUser.require(), id);
        return "redirect:/inbox";
    }

    @PostMapping("/read-all")
    String readAll(RedirectAttributes redirect, Locale locale) {
        int n = reminders.markAllRead(CurrentUser.require());
        Flash.say(redirect, messages, locale, "reminder.allRead", n);
        return "redirect:/inbox";
    }
}
