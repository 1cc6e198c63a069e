package cn.taizhang.scoring;

import cn.taizhang.audit.AuditJournal;
import cn.taizhang.method.MethodDefinition.ScoreItem;
import cn.taizhang.method.MethodDefinition.SubjectKind;
import cn.taizhang.method.TenantMethods;
import cn.taizhang.shared.CurrentUser;
import cn.taizhang.work.WorkItemClosedOut;
import java.util.List;
import java.util.Optional;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Seed 000's flow: when a work item is closed out, its responsible persons' reward/penalty points
 * become proposed score events under the method's task-completion item, for the discipline office
 * to confirm (SCORE-1, SCORE-2). It runs in the close-out's transaction: a proposal the method
 * refuses (points out of the item's range, say) refuses the close-out too, so nothing is half done.
 */
@Component
class ClosedItemScoring {

    private final ScoreEvents events;
    private final TenantMethods methods;
    private final AuditJournal journal;

    ClosedItemScoring(ScoreEvents events, TenantMethods methods, AuditJournal journal) {
        this.events = events;
        this.methods = methods;
        this.journal = journal;
    }

    @EventListener
    void on(WorkItemClosedOut closed) {
        Optional<ScoreItem> item = methods.active(closed.tenantId()).flatMap(v -> taskCompletionItem(v.definition()
                .scoreItems()));
        if (item.isEmpty()) {
            journal.record(closed.tenantId(), "score.closedItemNotScored", "work_item", closed.itemId(),
                    "事项“" + closed.title() + "”销号：现行方法没有按完成计分的个人计分项目，奖惩结果未转为计分", null, null, null);
            return;
        }
        CurrentUser closer = CurrentUser.require();
        for (WorkItemClosedOut.ProposedPoints p : closed.points()) {
            if (p.points() == null || p.points().signum() == 0) {
                continue;
            }
            String reason = "事项“" + closed.title() + "”销号" + (closed.rewardPenalty() == null ? "" : "：" + closed.rewardPenalty());
            events.proposeForClosedItem(closer, new ScoreEvents.Proposal(item.get().code(),
                    List.of(new SubjectRef(SubjectKind.PERSON, p.personId())), p.points().signum() < 0,
                    p.points().abs(), false, null, closed.closedAt().toLocalDate(), reason, closed.evidence(), null,
                    "work:" + closed.itemId() + ":" + p.personId()));
        }
    }

    /** The item a completed task earns its points under: the one scored in full on completion. */
    private static Optional<ScoreItem> taskCompletionItem(List<ScoreItem> items) {
        return items.stream().filter(i -> i.fullMarksOnCompletion() && i.subjects().contains(SubjectKind.PERSON))
                .findFirst();
    }
}
