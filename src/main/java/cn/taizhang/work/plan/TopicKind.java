package cn.taizhang.work.plan;

/** 常规课题抓规范、重点课题求突破、特色课题创品牌 (seed 001). */
public enum TopicKind {
    /** 常规课题. */
    ROUTINE,
    /** 重点课题. */
    KEY,
    /** 特色课题. */
    DISTINCTIVE;

    public String messageKey() {
        return "plan.topic.kind." + name();
    }
}
