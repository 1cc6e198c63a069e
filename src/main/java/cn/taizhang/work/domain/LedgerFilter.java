package cn.taizhang.work.domain;

import java.time.LocalDate;

/**
 * What the ledger list shows: filters (each may be null), the sort and the keyset position.
 *
 * @param afterDeadline with {@code afterId}: the last row of the previous page (keyset paging)
 */
public record LedgerFilter(Long unitId, String categoryCode, WorkState state, Light light, LocalDate dueFrom,
                           LocalDate dueTo, Sort sort, LocalDate afterDeadline, Long afterId, int limit) {

    public enum Sort { DEADLINE_ASC, DEADLINE_DESC, NEWEST }

    public static LedgerFilter all() {
        return new LedgerFilter(null, null, null, null, null, null, Sort.DEADLINE_ASC, null, null, 50);
    }
}
