package cn.taizhang.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.taizhang.method.MethodDefinition;
import cn.taizhang.method.MethodDefinition.Document;
import cn.taizhang.shared.DomainException;
import cn.taizhang.work.domain.Actor;
import cn.taizhang.work.domain.CategoryRule;
import cn.taizhang.work.domain.LeadMember;
import cn.taizhang.work.domain.LedgerEntry;
import cn.taizhang.work.domain.LedgerKind;
import cn.taizhang.work.domain.ReportFrequency;
import cn.taizhang.work.domain.WorkItem;
import cn.taizhang.work.domain.WorkSource;
import cn.taizhang.work.domain.WorkState;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The work item's state machine (WORK-1, WORK-2, LEDGER-1..4), without Spring. */
class WorkItemLifecycleTest {

    static final CategoryRule ROUTINE = CategoryRule.of(new MethodDefinition.Category("routine", "常规工作",
            MethodDefinition.Management.HIERARCHICAL, null, null, null, false, null, null));
    static final CategoryRule CENTRAL = CategoryRule.of(new MethodDefinition.Category("central", "中心工作",
            MethodDefinition.Management.INTEGRATED_GRID, null, new MethodDefinition.LeadGroup(3, 2, true),
            List.of(Document.WORK_PLAN, Document.RISK_ASSESSMENT, Document.REWARD_PENALTY_RESULT), false, null, null));

    final Actor leader = new Actor("陈明", 6L);
    final Actor assignee = new Actor("何永强", 17L);
    OffsetDateTime now = OffsetDateTime.parse("2026-09-01T09:00:00+08:00");

    static final List<LeadMember> LEAD_GROUP = List.of(new LeadMember(17, LeadMember.Role.LEADER, false),
            new LeadMember(18, LeadMember.Role.DEPUTY, false), new LeadMember(19, LeadMember.Role.DEPUTY, true));

    static WorkItem.Draft draft(CategoryRule rule, LocalDate start, LocalDate deadline, List<LeadMember> group) {
        return new WorkItem.Draft("人居环境整治", rule, WorkSource.MEETING_DECISION, 1, List.of(2L), 17, 3L, start,
                deadline, "全镇8个村垃圾日产日清", "分片包干", ReportFrequency.MONTHLY, group);
    }

    WorkItem central() {
        return WorkItem.draft(1, draft(CENTRAL, LocalDate.of(2026, 9, 1), LocalDate.of(2026, 10, 30), LEAD_GROUP),
                List.of(), leader, now);
    }

    private OffsetDateTime later() {
        now = now.plusHours(1);
        return now;
    }

    @Test
    void aDeadlineBeforeTheStartIsRefusedAtTheDeadline_WORK4() {
        assertThatThrownBy(() -> WorkItem.draft(1, draft(ROUTINE, LocalDate.of(2026, 9, 10), LocalDate.of(2026, 9, 9),
                List.of()), List.of(), leader, now))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.field()).isEqualTo("deadline");
                    assertThat(e.messageKey()).isEqualTo("work.deadline.beforeStart");
                });
    }

    @Test
    void aCentralItemWithoutItsLeadGroupOfThreeIsRefused_WORK2() {
        LocalDate s = LocalDate.of(2026, 9, 1);
        LocalDate d = LocalDate.of(2026, 10, 30);
        assertThatThrownBy(() -> WorkItem.draft(1, draft(CENTRAL, s, d, List.of()), List.of(), leader, now))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.field()).isEqualTo("leaderId"));
        assertThatThrownBy(() -> WorkItem.draft(1, draft(CENTRAL, s, d, LEAD_GROUP.subList(0, 2)), List.of(), leader, now))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.field()).isEqualTo("deputyIds"));
        var noAssessor = List.of(LEAD_GROUP.get(0), LEAD_GROUP.get(1), new LeadMember(19, LeadMember.Role.DEPUTY, false));
        assertThatThrownBy(() -> WorkItem.draft(1, draft(CENTRAL, s, d, noAssessor), List.of(), leader, now))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.field()).isEqualTo("supervisorIndex"));
        var twice = List.of(LEAD_GROUP.get(0), new LeadMember(17, LeadMember.Role.DEPUTY, false), LEAD_GROUP.get(2));
        assertThatThrownBy(() -> WorkItem.draft(1, draft(CENTRAL, s, d, twice), List.of(), leader, now))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.messageKey()).isEqualTo("work.leadGroup.distinct"));
        // a routine item needs none
        assertThat(WorkItem.draft(1, draft(ROUTINE, s, d, List.of()), List.of(), leader, now).state()).isEqualTo(WorkState.DRAFT);
    }

    @Test
    void centralItemCannotStartWithoutPlanAndRiskAssessment_WORK2() {
        WorkItem item = central();
        item.assign(leader, later());
        item.acknowledge(assignee, later());
        assertThatThrownBy(() -> item.start(assignee, later()))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.messageKey()).isEqualTo("work.start.documentMissing"));
        item.submitDocument(assignee, Document.WORK_PLAN, "工作方案：分三阶段推进", later());
        assertThatThrownBy(() -> item.start(assignee, later())).isInstanceOf(DomainException.class);
        item.submitDocument(assignee, Document.RISK_ASSESSMENT, "风险评估：群众抵触风险低", later());
        item.start(assignee, later());
        assertThat(item.state()).isEqualTo(WorkState.IN_PROGRESS);
    }

    @Test
    void centralItemCannotCloseWithoutItsRewardPenaltyResult_WORK2() {
        WorkItem item = inProgressCentral();
        item.requestCompletion(assignee, "已全部完成", later());
        assertThatThrownBy(() -> item.closeOut(leader, "验收合格", later()))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.messageKey()).isEqualTo("work.closeOut.rewardMissing"));
        assertThatThrownBy(() -> item.submitRewardResult(assignee, "完成任务，按满分计", Map.of(17L, BigDecimal.TEN), later()))
                .as("every responsible person needs proposed points")
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.messageKey()).isEqualTo("work.reward.pointsMissing"));
        assertThatThrownBy(() -> item.submitRewardResult(assignee, "x",
                Map.of(17L, BigDecimal.TEN, 18L, BigDecimal.TEN, 19L, BigDecimal.TEN, 99L, BigDecimal.ONE), later()))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.messageKey()).isEqualTo("work.reward.notResponsible"));
        item.submitRewardResult(assignee, "完成任务，按满分计",
                Map.of(17L, BigDecimal.TEN, 18L, BigDecimal.valueOf(8), 19L, BigDecimal.valueOf(8)), later());
        item.closeOut(leader, "验收合格，现场照片已存档", later());
        assertThat(item.state()).isEqualTo(WorkState.CLOSED_OUT);
        item.evaluate(leader, "达到标准", later());
        assertThat(item.state()).isEqualTo(WorkState.EVALUATED);
    }

    @Test
    void theAssigneeMayReturnAnItemWithAReasonAndItCanBeAssignedAgain_WORK1() {
        WorkItem item = central();
        item.assign(leader, later());
        assertThatThrownBy(() -> item.returnToAssigner(assignee, " ", later()))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.field()).isEqualTo("reason"));
        item.returnToAssigner(assignee, "不属于本组职责", later());
        assertThat(item.state()).isEqualTo(WorkState.RETURNED);
        assertThatThrownBy(() -> item.acknowledge(assignee, later()))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.messageKey()).isEqualTo("work.transition.refused"));
        item.assign(leader, later());
        assertThat(item.state()).isEqualTo(WorkState.ASSIGNED);
    }

    @Test
    void extensionsKeepEveryDeadlineWithACount_WORK7() {
        WorkItem item = inProgressCentral();
        assertThatThrownBy(() -> item.requestExtension(assignee, LocalDate.of(2026, 10, 30), "原期限", later()))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.field()).isEqualTo("newDeadline"));
        item.requestExtension(assignee, LocalDate.of(2026, 11, 13), "雨季影响施工", later());
        assertThat(item.state()).isEqualTo(WorkState.EXTENSION_REQUESTED);
        item.report(assignee, 40, "雨停后复工", later());
        item.approveExtension(leader, "同意", later());
        assertThat(item.state()).isEqualTo(WorkState.IN_PROGRESS);
        assertThat(item.deadline()).isEqualTo(LocalDate.of(2026, 11, 13));
        assertThat(item.originalDeadline()).isEqualTo(LocalDate.of(2026, 10, 30));
        item.requestExtension(assignee, LocalDate.of(2026, 11, 30), "再延", later());
        item.refuseExtension(leader, "不再延期", later());
        assertThat(item.deadline()).isEqualTo(LocalDate.of(2026, 11, 13));
        assertThat(item.extensionCount()).isEqualTo(1);
        assertThat(item.takeNewDeadlines()).extracting(d -> d.deadline())
                .containsExactly(LocalDate.of(2026, 10, 30), LocalDate.of(2026, 11, 13));
    }

    @Test
    void aReportOnAClosedItemIsRefused_LEDGER2() {
        WorkItem item = inProgressCentral();
        item.submitRewardResult(assignee, "满分", Map.of(17L, BigDecimal.TEN, 18L, BigDecimal.TEN, 19L, BigDecimal.TEN), later());
        item.requestCompletion(assignee, "完成", later());
        item.closeOut(leader, "验收", later());
        assertThatThrownBy(() -> item.report(assignee, 100, "补充", later()))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.messageKey()).isEqualTo("work.report.closed"));
        assertThatThrownBy(() -> item.cancel(leader, "撤销", later()))
                .as("a closed item is no longer open").isInstanceOf(DomainException.class);
    }

    @Test
    void reworkSendsItBackAndCancellationNeedsAReason_LEDGER4() {
        WorkItem item = inProgressCentral();
        item.requestCompletion(assignee, "完成", later());
        item.returnForRework(leader, "台账资料不全", later());
        assertThat(item.state()).isEqualTo(WorkState.REWORK);
        item.report(assignee, 90, "补齐资料", later());
        assertThatThrownBy(() -> item.cancel(leader, "", later()))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.field()).isEqualTo("reason"));
        item.cancel(leader, "上级取消该项任务", later());
        assertThat(item.state()).isEqualTo(WorkState.CANCELLED);
    }

    @Test
    void everyTransitionIsALedgerLineInTimeOrder_LEDGER1() {
        WorkItem item = inProgressCentral();
        item.query(leader, "为何进度慢？", later());
        item.answer(assignee, 99, "已加派人手", later());
        item.supervisionOpinion(new Actor("赵志刚", 4L), "每周报进度", LocalDate.of(2026, 9, 15), null, later());
        List<LedgerEntry> lines = item.takeNewEntries();
        assertThat(lines).extracting(LedgerEntry::kind).containsExactly(LedgerKind.CREATED, LedgerKind.ASSIGNED,
                LedgerKind.ACKNOWLEDGED, LedgerKind.DOCUMENT, LedgerKind.DOCUMENT, LedgerKind.STARTED, LedgerKind.REPORT,
                LedgerKind.QUERY, LedgerKind.ANSWER, LedgerKind.OPINION);
        assertThat(lines).extracting(LedgerEntry::occurredAt).isSorted();
        assertThatThrownBy(() -> item.supervisionOpinion(leader, "x", LocalDate.of(2026, 8, 1), null, later()))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.field()).isEqualTo("until"));
    }

    private WorkItem inProgressCentral() {
        WorkItem item = central();
        item.assign(leader, later());
        item.acknowledge(assignee, later());
        item.submitDocument(assignee, Document.WORK_PLAN, "方案", later());
        item.submitDocument(assignee, Document.RISK_ASSESSMENT, "评估", later());
        item.start(assignee, later());
        item.report(assignee, 20, "已完成摸底", later());
        return item;
    }
}
