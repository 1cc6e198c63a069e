package cn.taizhang.work.plan;

import cn.taizhang.shared.DomainException;

/**
 * The length of what a user writes, checked by the services so that the API refuses it with the same
 * translated message as a page (the forms check the same limits before the services are called).
 */
final class PlanTexts {

    private PlanTexts() {
    }

    /** Refuses a text longer than {@code max} characters at its field; null passes. */
    static void limit(String field, String text, int max) {
        if (text != null && text.length() > max) {
            throw DomainException.atField(field, "plan.tooLong", String.valueOf(max));
        }
    }
}
