package cn.taizhang.shared;

/** The user is signed in but the role or data scope does not allow this action. */
public class AccessDeniedException extends DomainException {

    public AccessDeniedException() {
        super("error.accessDenied");
    }

    /** Refused with a reason more precise than the general one (e.g. whose letter it is). */
    public AccessDeniedException(String messageKey, Object... args) {
        super(messageKey, args);
    }
}
