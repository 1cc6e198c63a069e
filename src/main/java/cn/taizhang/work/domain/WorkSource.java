package cn.taizhang.work.domain;

/** Where an item comes from (WORK-1, MEET-1). */
public enum WorkSource {
    /** 上级交办. */
    SUPERIOR_ASSIGNMENT,
    /** 领导批示. */
    LEADER_INSTRUCTION,
    /** 会议决定. */
    MEETING_DECISION,
    /** 年度目标. */
    ANNUAL_TARGET,
    /** 群众诉求. */
    RESIDENT_REQUEST;

    public String messageKey() {
        return "work.source." + name();
    }
}
