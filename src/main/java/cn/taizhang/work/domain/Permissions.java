package cn.taizhang.work.domain;

/**
 * What the viewer may do to an item, by role and data scope (the state decides the rest).
 *
 * @param manage   assign, decide extensions, return for rework, evaluate, cancel: the leadership, or the
 *                 group leader whose group leads the item, or whoever created it
 * @param assignee acknowledge or return, documents, start, report, answer, extension and completion
 *                 requests, the reward/penalty result: the responsible person or the lead group's leader
 * @param query    质询: the leadership, the discipline office, the supervising leader, the managers
 * @param opinion  督办意见: the discipline office (supervision group)
 * @param closeOut 销号: the managers and the discipline office
 */
public record Permissions(boolean manage, boolean assignee, boolean query, boolean opinion, boolean closeOut) {

    /** 现场查看: the supervision group (discipline office), the leadership and the item's managers. */
    public boolean inspect() {
        return manage || opinion;
    }
}
