package cn.taizhang.shared;

/**
 * What an account may do. The three administrators are kept apart (三员分立 of 等保 level 3): no
 * account holds two of them, and none of them sees the township's business data.
 */
public enum Role {
    /** 系统管理员: tenants and system settings. */
    SYSTEM_ADMIN,
    /** 安全管理员: accounts, roles, unlocking and password resets. */
    SECURITY_ADMIN,
    /** 安全审计员: reads the audit journal, changes nothing. */
    AUDIT_ADMIN,
    /** 县级管理员: the county's townships, their organisation and methods. */
    COUNTY_ADMIN,
    /** 乡镇领导 (书记、镇长): the whole township. */
    LEADERSHIP,
    /** 纪委/效能督查组: sees across the township. */
    DISCIPLINE,
    /** 组长: manages the group. */
    GROUP_LEADER,
    /** 干部职工: sees and edits only what concerns himself or herself. */
    STAFF,
    /** 村干部: the village. */
    VILLAGE_CADRE;

    public boolean isAdministrator() {
        return this == SYSTEM_ADMIN || this == SECURITY_ADMIN || this == AUDIT_ADMIN;
    }

    public String messageKey() {
        return "role." + name();
    }

    public String authority() {
        return "ROLE_" + name();
    }
}
