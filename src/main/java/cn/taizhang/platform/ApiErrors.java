package cn.taizhang.platform;

import cn.taizhang.shared.AccessDeniedException;
import cn.taizhang.shared.DomainException;
import cn.taizhang.shared.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.PropertyBindingException;

/**
 * A refused rule in the JSON API: a stable code, the translated message and the field. A body that
 * cannot be read (broken JSON, a value of the wrong kind such as an unknown enum constant or a date
 * that is not ISO) and a query parameter of the wrong kind are answered the same way, naming the
 * field by its path in the body and what was expected.
 */
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
        return body(statusOf(e), e.messageKey(), messages.getMessage(e.messageKey(), e.args(), locale), e.field());
    }

    /** The body could not be read: which field, what it held, what was expected; or where the JSON breaks. */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e, HttpServletRequest request,
                                                   Locale locale) {
        Throwable cause = e.getCause();
        if (cause instanceof PropertyBindingException p) {
            String path = path(p);
            return refusal("api.json.unknownField", path, locale, path);
        }
        if (cause instanceof InvalidFormatException f) {
            String path = path(f);
            return refusal("api.json.invalidValue", path, locale, path, String.valueOf(f.getValue()),
                    expected(f.getTargetType(), locale));
        }
        if (cause instanceof MismatchedInputException m && !m.getPath().isEmpty()) {
            String path = path(m);
            return refusal("api.json.wrongType", path, locale, path, expected(m.getTargetType(), locale));
        }
        if (cause instanceof StreamReadException r) {
            TokenStreamLocation at = r.getLocation();
            if (at != null && at.getLineNr() > 0) {
                return refusal("api.json.broken", null, locale, String.valueOf(at.getLineNr()),
                        String.valueOf(at.getColumnNr()));
            }
            return refusal("api.json.brokenNoLocation", null, locale);
        }
        if (cause instanceof JacksonException j && !j.getPath().isEmpty()) {
            String path = path(j);
            return refusal("api.json.unreadableField", path, locale, path);
        }
        if (cause instanceof MismatchedInputException m && request.getContentLengthLong() > 0) {
            // a body of the wrong shape as a whole: a list, a string or a number where an object belongs
            return refusal("api.json.wrongType", "$", locale, "$", expected(m.getTargetType(), locale));
        }
        if (cause == null || cause instanceof MismatchedInputException) {
            // no body at all, or an empty one
            return refusal("api.json.missing", null, locale);
        }
        return refusal("api.json.brokenNoLocation", null, locale);
    }

    /** A query or path parameter of the wrong kind (an unknown state, a month that is not 2026-09, ...). */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Map<String, Object>> badParameter(MethodArgumentTypeMismatchException e, Locale locale) {
        return refusal("api.param.invalid", e.getName(), locale, e.getName(), String.valueOf(e.getValue()),
                expected(e.getRequiredType(), locale));
    }

    private ResponseEntity<Map<String, Object>> refusal(String key, String field, Locale locale, Object... args) {
        return body(HttpStatus.BAD_REQUEST, key, messages.getMessage(key, args, locale), field);
    }

    private static ResponseEntity<Map<String, Object>> body(HttpStatus status, String code, String message, String field) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("message", message);
        if (field != null) {
            body.put("field", field);
        }
        return ResponseEntity.status(status).body(body);
    }

    /** The JSON path of the value, e.g. {@code standards.operation} or {@code itemIds[2]}. */
    static String path(JacksonException e) {
        StringBuilder b = new StringBuilder();
        for (JacksonException.Reference r : e.getPath()) {
            if (r.getPropertyName() != null) {
                if (!b.isEmpty()) {
                    b.append('.');
                }
                b.append(r.getPropertyName());
            } else if (r.getIndex() >= 0) {
                b.append('[').append(r.getIndex()).append(']');
            }
        }
        return b.isEmpty() ? "$" : b.toString();
    }

    /** What a value of the type looks like, in the user's language. */
    private String expected(Class<?> type, Locale locale) {
        if (type == null) {
            return messages.getMessage("api.expected.other", null, locale);
        }
        if (type.isEnum()) {
            String choices = Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name())
                    .collect(Collectors.joining(", "));
            return messages.getMessage("api.expected.enum", new Object[] {choices}, locale);
        }
        String key;
        if (type == LocalDate.class) {
            key = "api.expected.date";
        } else if (type == YearMonth.class) {
            key = "api.expected.month";
        } else if (type == LocalDateTime.class || type == OffsetDateTime.class || type == ZonedDateTime.class) {
            key = "api.expected.dateTime";
        } else if (type == LocalTime.class) {
            key = "api.expected.time";
        } else if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class || type == BigInteger.class) {
            key = "api.expected.integer";
        } else if (type == BigDecimal.class || type == Double.class || type == double.class || type == Float.class
                || type == float.class) {
            key = "api.expected.number";
        } else if (type == Boolean.class || type == boolean.class) {
            key = "api.expected.boolean";
        } else if (type == String.class) {
            key = "api.expected.text";
        } else if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            key = "api.expected.list";
        } else {
            key = "api.expected.object";
        }
        return messages.getMessage(key, null, locale);
    }
}
