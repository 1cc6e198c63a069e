package cn.taizhang.work.domain;

/**
 * Which items of a tenant a user sees in the ledger (LEDGER-1: public inside the office, per data
 * scope): the leadership and the discipline office all; a group leader or village cadre the items his
 * unit's subtree leads and those naming him; staff the items naming them (responsible, lead group,
 * supervising leader or assigner).
 *
 * @param subtreePath when not null, items led by a unit under it (or naming the person)
 * @param personId    the viewer's person; with {@code personOnly} only items naming him or her
 */
public record Visibility(long tenantId, String subtreePath, Long personId, boolean personOnly) {

    public static Visibility nothing(long tenantId) {
        return new Visibility(tenantId, null, null, true);
    }

    public boolean all() {
        return subtreePath == null && !personOnly;
    }
}
