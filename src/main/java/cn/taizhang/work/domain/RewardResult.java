package cn.taizhang.work.domain;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Map;

/**
 * The reward/penalty result (奖惩结果) of an item: what was decided and, for each responsible person,
 * the proposed points (positive adds, negative deducts), for the scoring module to confirm (SCORE-2).
 */
public record RewardResult(long id, String summary, Map<Long, BigDecimal> points, String submittedBy,
                           OffsetDateTime submittedAt) {
}
