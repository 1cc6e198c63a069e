package cn.taizhang.platform;

import cn.taizhang.shared.AccessDeniedException;
import cn.taizhang.shared.DomainException;
import cn.taizhang.shared.NotFoundException;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A refused rule becomes a translated message: JSON for the API, a page for people. */
final class ErrorHandling {

    private ErrorHandling() {
    }

    static HttpStatus statusOf(DomainException e) {
        if (e instanceof NotFoundException) {
            return HttpStatus.NOT_FOUND;
        }
        if (e instanceof AccessDeniedException) {
            return HttpStatus.FORBIDDEN;
        }
        return HttpStatus.BAD_REQUEST;
    }

    @RestControllerAdvice(annotations = RestController.class)
    @Order(Ordered.HIGHEST_PRECEDENCE)
    static class Api {
        private final MessageSource messages;

        Api(MessageSource messages) {
            this.messages = messages;
        }

        @ExceptionHandler(DomainException.class)
        ResponseEntity<Map<String, Object>> refused(DomainException e, Locale locale) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("code", e.messageKey());
            body.put("message", messages.getMessage(e.messageKey(), e.args(), locale));
            if (e.field() != null) {
                body.put("field", e.field());
            }
            return ResponseEntity.status(statusOf(e)).body(body);
        }
    }

    @ControllerAdvice(annotations = Controller.class)
    @Order(Ordered.LOWEST_PRECEDENCE)
    static class Pages {
        private final MessageSource messages;

        Pages(MessageSource messages) {
            this.messages = messages;
        }

        @ExceptionHandler(DomainException.class)
        String refused(DomainException e, Locale locale, Model model, HttpServletResponse response) {
            response.setStatus(statusOf(e).value());
            model.addAttribute("message", messages.getMessage(e.messageKey(), e.args(), locale));
            return "error/refused";
        }
    }
}
