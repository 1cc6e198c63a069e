package cn.taizhang.org;

/** Cadre rank; duty rosters need at least one deputy-section cadre per shift (DISC-3). */
public enum Rank {
    NONE,
    /** 科员/办事员. */
    CLERK,
    /** 副科级. */
    DEPUTY_SECTION,
    /** 正科级. */
    SECTION;

    /** 副科级 or above: may lead a duty shift. */
    public boolean deputySectionOrAbove() {
        return this == DEPUTY_SECTION || this == SECTION;
    }

    public String messageKey() {
        return "rank." + name();
    }
}
