package cn.taizhang.platform;

import cn.taizhang.shared.DomainException;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/** A refused rule on a page: the translated reason on a page of its own, with the right status. */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageErrors {

    private final MessageSource messages;

    PageErrors(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(DomainException.class)
    String refused(DomainException e, Locale locale, Model model, HttpServletResponse response) {
        response.setStatus(ApiErrors.statusOf(e).value());
        model.addAttribute("message", messages.getMessage(e.messageKey(), e.args(), locale));
        return "error/refused";
    }
}
