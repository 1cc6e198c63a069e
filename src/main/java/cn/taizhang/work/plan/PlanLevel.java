package cn.taizhang.work.plan;

/** The levels of the plan cascade (WORK-3), each serving the one above it. */
public enum PlanLevel {
    /** 全镇全年工作计划. */
    TOWNSHIP_ANNUAL(null),
    /** 各组年度工作计划. */
    GROUP_ANNUAL(TOWNSHIP_ANNUAL),
    /** 各组月度工作计划 (每月初). */
    GROUP_MONTHLY(GROUP_ANNUAL),
    /** 组员月度工作计划 (每月初). */
    MEMBER_MONTHLY(GROUP_MONTHLY);

    private final PlanLevel serves;

    PlanLevel(PlanLevel serves) {
        this.serves = serves;
    }

    /** The level whose lines this level's lines serve; null at the top. */
    public PlanLevel serves() {
        return serves;
    }

    public boolean monthly() {
        return this == GROUP_MONTHLY || this == MEMBER_MONTHLY;
    }

    public String messageKey() {
        return "plan.level." + name();
    }
}
