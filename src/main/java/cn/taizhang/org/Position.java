package cn.taizhang.org;

/** The positions people hold (ORG-2). A person's group role (leader, deputy, member) is separate. */
public enum Position {
    /** 党委书记. */
    PARTY_SECRETARY,
    /** 乡镇长. */
    TOWNSHIP_HEAD,
    /** 班子成员 (副书记、副镇长、纪委书记、组织委员 …). */
    LEADERSHIP_MEMBER,
    /** 二级机构/办公室负责人. */
    OFFICE_HEAD,
    /** 镇直/驻镇单位负责人. */
    UNIT_HEAD,
    /** 干部职工. */
    STAFF,
    /** 村支书. */
    VILLAGE_SECRETARY,
    /** 村主任. */
    VILLAGE_DIRECTOR,
    /** 村秘书. */
    VILLAGE_CLERK,
    /** 计生专干. */
    FAMILY_PLANNING_OFFICER,
    /** 党员组长 (a party member who leads a village grid group). */
    PARTY_MEMBER_GROUP_LEADER;

    public String messageKey() {
        return "position." + name();
    }
}
