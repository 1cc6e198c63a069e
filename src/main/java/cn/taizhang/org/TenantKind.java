package cn.taizhang.org;

/** What kind of body a tenant is (ORG-1). */
public enum TenantKind {
    /** 县: has townships below it. */
    COUNTY,
    /** 乡镇/街道. */
    TOWNSHIP,
    /** 县直部门, e.g. the county organisation department of the wubu method. */
    DEPARTMENT;

    public String messageKey() {
        return "tenantKind." + name();
    }
}
