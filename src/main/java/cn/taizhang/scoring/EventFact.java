package cn.taizhang.scoring;

import java.time.LocalDate;

/**
 * One event's points for one subject, as the engine counts it: {@code points} as scored,
 * {@code effective} after the latest correction (a correction replaces the points, never edits the
 * event), down to the reason, the evidence and the regulation article.
 */
public record EventFact(long eventId, SubjectRef subject, String kind, String itemCode, String itemName, Score points,
                        Score effective, Long correctionId, String correctionReason, LocalDate occurredOn,
                        String reason, String evidence, String article, String proposedBy, String confirmedBy) {

    public boolean corrected() {
        return correctionId != null;
    }
}
