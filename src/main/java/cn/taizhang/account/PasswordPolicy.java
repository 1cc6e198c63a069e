package cn.taizhang.account;

import cn.taizhang.shared.DomainException;

/**
 * Password rules: at least 10 characters, at least three of lower case, upper case, digits and
 * symbols, and not containing the user name.
 */
final class PasswordPolicy {

    static final int MIN_LENGTH = 10;

    /** Accepted, or rejected with the message key that says why. */
    record Verdict(String rejectionKey) {
        boolean accepted() {
            return rejectionKey == null;
        }

        void throwIfRejected(String field) {
            if (!accepted()) {
                throw DomainException.atField(field, rejectionKey, MIN_LENGTH);
            }
        }
    }

    private PasswordPolicy() {
    }

    static Verdict check(String password, String username) {
        if (password == null || password.length() < MIN_LENGTH) {
            return new Verdict("password.tooShort");
        }
        int classes = 0;
        if (password.chars().anyMatch(Character::isLowerCase)) classes++;
        if (password.chars().anyMatch(Character::isUpperCase)) classes++;
        if (password.chars().anyMatch(Character::isDigit)) classes++;
        if (password.chars().anyMatch(c -> !Character.isLetterOrDigit(c))) classes++;
        if (classes < 3) {
            return new Verdict("password.tooSimple");
        }
        if (username != null && !username.isBlank()
                && password.toLowerCase().contains(username.toLowerCase())) {
            return new Verdict("password.containsUsername");
        }
        return new Verdict(null);
    }
}
