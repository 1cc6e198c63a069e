package cn.taizhang.board;

import java.util.List;

/**
 * Published by another module when it has publishable entries, e.g. the discipline office has
 * confirmed a month's reward and penalty results. The board module adds them to the open draft of
 * that board and period (creating it), in the publisher's transaction. A board the tenant's method
 * does not have is skipped and journalled, so the publisher's own work is never refused for it.
 *
 * @param boardCode the board's code in the tenant's method (e.g. {@code red}, {@code black})
 * @param period    the period the entries belong to (see {@link BoardPeriod})
 */
public record BoardEntriesProposed(long tenantId, String boardCode, String period, List<BoardEntry> entries) {

    public BoardEntriesProposed {
        entries = entries == null ? List.of() : List.copyOf(entries);
    }
}
