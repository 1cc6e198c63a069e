package cn.taizhang.work.domain;

/** A member of an item's lead group (WORK-2): the leader or a deputy, one deputy the supervisor-assessor. */
public record LeadMember(long personId, Role role, boolean supervisorAssessor) {

    public enum Role { LEADER, DEPUTY }
}
