package cn.taizhang.platform;

import cn.taizhang.shared.AccessDeniedException;
import cn.taizhang.shared.DomainException;
import cn.taizhang.shared.NotFoundException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A refused rule in the JSON API: a stable code, the translated message and the field. */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiErrors {

    private final MessageSource messages;

    ApiErrors(MessageSource messages) {
        this.messages = messages;
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
