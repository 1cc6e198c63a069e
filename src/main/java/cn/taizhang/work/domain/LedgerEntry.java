package cn.taizhang.work.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * One line of an item's ledger (LEDGER-1..4).
 *
 * @param id       0 until stored
 * @param percent  the progress a report states
 * @param deadline the deadline a supervision opinion sets, or the deadline an extension asks for or grants
 * @param measures the measures a supervision opinion demands
 * @param replyTo  the query an answer answers
 */
public record LedgerEntry(long id, OffsetDateTime occurredAt, LedgerKind kind, String actorName, Long actorPersonId,
                          WorkState stateAfter, String body, Integer percent, LocalDate deadline, String measures,
                          Long replyTo) {
}
