package cn.taizhang.board.internal;

import cn.taizhang.board.BoardEntry.Subject;
import java.math.BigDecimal;

/**
 * An entry of an issue as stored; withdrawn entries are not published. villageUnitId: the village
 * window it is posted at besides the township's (see VillageWindows), internal.
 */
public record EntryRow(long id, long issueId, int position, Subject subject, String name, String post, String fact,
                       BigDecimal points, Long amountFen, String sourceModule, String sourceId, Long personId,
                       boolean withdrawn, String withdrawnReason, String withdrawnBy, Long villageUnitId) {
}
