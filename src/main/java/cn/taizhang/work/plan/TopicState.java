package cn.taizhang.work.plan;

/** Where a research topic (课题) stands: 申报, 征求意见, 纳入工作要点, 不予立项. */
public enum TopicState {
    PROPOSED, IN_CONSULTATION, ADOPTED, REJECTED;

    public boolean revisable() {
        return this == PROPOSED || this == IN_CONSULTATION;
    }

    public String messageKey() {
        return "plan.topic.state." + name();
    }
}
