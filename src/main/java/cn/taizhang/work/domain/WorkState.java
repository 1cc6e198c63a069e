package cn.taizhang.work.domain;

/**
 * The lifecycle of a work item: draft → assigned → acknowledged (签收) or returned → in progress →
 * extension requested → (back) → completion requested → rework or closed out (销号) → evaluated;
 * cancelled from any open state with a reason.
 */
public enum WorkState {
    DRAFT, ASSIGNED, RETURNED, ACKNOWLEDGED, IN_PROGRESS, EXTENSION_REQUESTED, COMPLETION_REQUESTED, REWORK,
    CLOSED_OUT, EVALUATED, CANCELLED;

    /** Not yet closed out, evaluated or cancelled. */
    public boolean isOpen() {
        return this != CLOSED_OUT && this != EVALUATED && this != CANCELLED;
    }

    /** Assigned and not yet finished: the item has a light. */
    public boolean isUnderWay() {
        return isOpen() && this != DRAFT && this != RETURNED;
    }

    public String messageKey() {
        return "work.state." + name();
    }
}
