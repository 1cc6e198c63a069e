package cn.taizhang.shared;

/**
 * What was asked for does not exist for this user. Records outside the user's data scope are
 * reported the same way, so that guessed IDs reveal nothing.
 */
public class NotFoundException extends DomainException {

    public NotFoundException(String what, Object id) {
        super("error.notFound", what, id);
    }
}
