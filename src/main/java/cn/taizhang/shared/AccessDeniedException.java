package cn.taizhang.shared;

/** The user is signed in but the role or data scope does not allow this action. */
public class AccessDeniedException extends DomainException {

    public AccessDeniedException() {
        super("error.accessDenied");
    }
}
