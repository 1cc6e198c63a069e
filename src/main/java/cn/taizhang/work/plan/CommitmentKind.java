package cn.taizhang.work.plan;

/** The two kinds of month-start commitments (月初晒承诺): 固定任务 and 动态任务. */
public enum CommitmentKind {
    FIXED, DYNAMIC;

    public String messageKey() {
        return "plan.commitment.kind." + name();
    }
}
