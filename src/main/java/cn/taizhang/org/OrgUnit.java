package cn.taizhang.org;

/**
 * A unit of a tenant's org tree.
 *
 * @param path the ids from the root down to this unit, {@code /3/17/42/}: a subtree is a prefix
 */
public record OrgUnit(long id, long tenantId, Long parentId, String path, UnitKind kind, String code, String name,
                      int sortOrder, boolean active, int version) {

    public int depth() {
        return (int) path.chars().filter(c -> c == '/').count() - 2;
    }
}
