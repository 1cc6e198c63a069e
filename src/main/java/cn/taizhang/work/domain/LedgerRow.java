package cn.taizhang.work.domain;

import java.time.LocalDate;

/** One row of the ledger list and the wall chart. */
public record LedgerRow(long id, String title, String categoryCode, String categoryName, WorkState state,
                        Light light, long leadUnitId, String leadUnitName, long responsiblePersonId,
                        String responsibleName, LocalDate startDate, LocalDate deadline, LocalDate originalDeadline,
                        int extensionCount, int progress) {
}
