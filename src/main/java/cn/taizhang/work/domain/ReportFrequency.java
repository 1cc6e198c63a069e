package cn.taizhang.work.domain;

/** How often progress is reported (LEDGER-2). */
public enum ReportFrequency {
    WEEKLY, MONTHLY, QUARTERLY, ON_DEMAND;

    public String messageKey() {
        return "work.frequency." + name();
    }
}
