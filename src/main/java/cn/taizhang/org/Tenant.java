package cn.taizhang.org;

/** A county, township or county department: every row of its data carries its id. */
public record Tenant(long id, Long parentId, TenantKind kind, String code, String name, boolean active) {
}
