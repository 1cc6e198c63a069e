package cn.taizhang.board.internal;

import cn.taizhang.shared.AccessDeniedException;

/** The user's role is not the one the method designates for this step (403, with the reason). */
public class NotDesignatedException extends AccessDeniedException {

    private final String key;
    private final Object[] arguments;

    public NotDesignatedException(String key, Object... arguments) {
        this.key = key;
        this.arguments = arguments;
    }

    @Override
    public String messageKey() {
        return key;
    }

    @Override
    public Object[] args() {
        return arguments.clone();
    }

    @Override
    public String getMessage() {
        return key;
    }
}
