package cn.taizhang.work.plan;

/** How a commitment ended at month end: done (完成) or not done (未完成, with a remark). */
public enum Outcome {
    DONE, NOT_DONE;

    public String messageKey() {
        return "plan.commitment.outcome." + name();
    }
}
