package cn.taizhang.org;

/** External raters known to the system without being staff (ORG-2). */
public enum ContactKind {
    /** 群众. */
    RESIDENT,
    /** 人大代表. */
    NPC_DEPUTY,
    /** 政协委员. */
    CPPCC_MEMBER,
    /** 企业负责人. */
    BUSINESS_HEAD;

    public String messageKey() {
        return "contactKind." + name();
    }
}
