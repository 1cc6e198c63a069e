package cn.taizhang.work.web;

import cn.taizhang.work.domain.LedgerEntry;
import cn.taizhang.work.domain.Permissions;
import cn.taizhang.work.domain.WorkItem;
import cn.taizhang.work.domain.WorkState;
import java.util.EnumSet;
import java.util.List;

/** Which action forms the item page shows: the viewer's permissions met with the item's state. */
record Can(boolean assign, boolean acknowledge, boolean documents, boolean start, boolean report,
           boolean requestExtension, boolean decideExtension, boolean requestCompletion, boolean reward,
           boolean check, boolean evaluate, boolean cancel, boolean query, boolean answer, boolean opinion) {

    static Can of(Permissions p, WorkItem item, List<LedgerEntry> openQueries) {
        WorkState s = item.state();
        boolean working = EnumSet.of(WorkState.IN_PROGRESS, WorkState.REWORK).contains(s);
        return new Can(
                p.manage() && (s == WorkState.DRAFT || s == WorkState.RETURNED),
                p.assignee() && s == WorkState.ASSIGNED,
                (p.assignee() || p.manage()) && s.isOpen() && !item.rule().requiredDocuments().isEmpty(),
                p.assignee() && s == WorkState.ACKNOWLEDGED,
                p.assignee() && (working || s == WorkState.EXTENSION_REQUESTED),
                p.assignee() && (working || s == WorkState.ACKNOWLEDGED),
                p.manage() && s == WorkState.EXTENSION_REQUESTED,
                p.assignee() && working,
                p.assignee() && (working || s == WorkState.EXTENSION_REQUESTED || s == WorkState.COMPLETION_REQUESTED),
                p.closeOut() && s == WorkState.COMPLETION_REQUESTED,
                p.manage() && s == WorkState.CLOSED_OUT,
                p.manage() && s.isOpen(),
                p.query(),
                p.assignee() && !openQueries.isEmpty(),
                p.opinion() && s.isUnderWay());
    }
}
