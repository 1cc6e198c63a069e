package cn.taizhang.work.web;

import cn.taizhang.shared.CurrentUser;
import cn.taizhang.work.domain.Reminders;
import org.springframework.stereotype.Component;

/** The unread count the navigation shows ({@code @inboxCount.unread()} in layout.html), only where a page is drawn. */
@Component("inboxCount")
class InboxCount {

    private final Reminders reminders;

    InboxCount(Reminders reminders) {
        this.reminders = reminders;
    }

    public int unread() {
        return CurrentUser.find().map(reminders::unread).orElse(0);
    }
}
