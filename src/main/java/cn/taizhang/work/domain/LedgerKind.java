package cn.taizhang.work.domain;

/** What a line of an item's ledger records; INSPECTION is a site inspection (现场查看), STAGE_EVALUATION a quarterly stage evaluation (阶段性评估). */
public enum LedgerKind {
    CREATED, ASSIGNED, ACKNOWLEDGED, RETURNED, DOCUMENT, STARTED, REPORT, QUERY, ANSWER, OPINION,
    EXTENSION_REQUESTED, EXTENSION_APPROVED, EXTENSION_REFUSED, COMPLETION_REQUESTED, REWORK, REWARD_PENALTY,
    CLOSED_OUT, EVALUATED, CANCELLED, INSPECTION, STAGE_EVALUATION,
    /** A stage of the reverse schedule (倒排工期) reported done by the assignee side. */
    STAGE_DONE;

    public String messageKey() {
        return "work.ledger." + name();
    }

    /** The journal's action for it, e.g. {@code work.extensionApproved}. */
    public String action() {
        StringBuilder b = new StringBuilder("work.");
        boolean upper = false;
        for (char c : name().toLowerCase().toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                b.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return b.toString();
    }
}
