package cn.taizhang.work;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A work item was closed out (销号) with its reward/penalty result (SCORE-1, SCORE-2): the scoring
 * module turns the proposed points into score events for the discipline office to confirm.
 *
 * @param categoryCode  the category as the tenant's method names it
 * @param rewardPenalty the result's text, null when the category requires none and none was given
 * @param points        each responsible person's proposed points (positive adds, negative deducts)
 */
public record WorkItemClosedOut(long tenantId, long itemId, String title, String categoryCode,
                                OffsetDateTime closedAt, String evidence, String rewardPenalty,
                                List<ProposedPoints> points) {

    public WorkItemClosedOut {
        points = List.copyOf(points);
    }

    public record ProposedPoints(long personId, BigDecimal points) {
    }
}
