package cn.taizhang.shared.web;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The one-line confirmation the layout shows after a redirect. */
public final class Flash {

    private Flash() {
    }

    public static void say(RedirectAttributes redirect, MessageSource messages, Locale locale, String key, Object... args) {
        redirect.addFlashAttribute("flash", messages.getMessage(key, args, locale));
    }
}
