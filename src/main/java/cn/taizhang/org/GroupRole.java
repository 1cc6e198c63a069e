package cn.taizhang.org;

/** A person's place in a group or command group: one leader, deputies, members (ORG-3). */
public enum GroupRole {
    LEADER, DEPUTY, MEMBER;

    public String messageKey() {
        return "groupRole." + name();
    }
}
