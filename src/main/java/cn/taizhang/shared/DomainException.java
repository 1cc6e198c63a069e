package cn.taizhang.shared;

import java.util.Arrays;

/**
 * A rule refused what the user asked. The message key and arguments are resolved in the user's
 * language; {@code field} names the form field or path the problem is at, when there is one.
 */
public class DomainException extends RuntimeException {

    private final String messageKey;
    private final Object[] args;
    private final String field;

    public DomainException(String messageKey, Object... args) {
        this(null, messageKey, args);
    }

    private DomainException(String field, String messageKey, Object... args) {
        super(messageKey + (args.length == 0 ? "" : " " + Arrays.toString(args)));
        this.field = field;
        this.messageKey = messageKey;
        this.args = args;
    }

    public static DomainException atField(String field, String messageKey, Object... args) {
        return new DomainException(field, messageKey, args);
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args.clone();
    }

    public String field() {
        return field;
    }
}
