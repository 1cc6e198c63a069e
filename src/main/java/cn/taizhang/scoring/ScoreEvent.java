package cn.taizhang.scoring;

import cn.taizhang.method.MethodDefinition.SubjectKind;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A point added or deducted (SCORE-1..6), as proposed, confirmed or rejected; a correction is a
 * score event of kind CORRECTION that points at the event it corrects and carries the new points.
 *
 * @param points      per subject: every bound subject gets these points (negative = deduction)
 * @param fenPerPoint the method's rate when the event was scored (money follows deductions)
 */
public record ScoreEvent(long id, long tenantId, long methodVersionId, Kind kind, String itemCode, String itemName,
                         Score points, Integer occurrences, long fenPerPoint, Long fenPerOccurrence,
                         LocalDate occurredOn, String reason, String evidence, Long articleId, String articleText,
                         Long correctsId, Long appealId, State state, String proposedBy, OffsetDateTime proposedAt,
                         String decidedBy, OffsetDateTime decidedAt, String decisionReason, List<Subject> subjects) {

    public enum Kind { ORDINARY, SPECIAL, CORRECTION }

    /** PROPOSED → CONFIRMED (filed by the discipline office) or REJECTED with a reason. */
    public enum State {
        PROPOSED, CONFIRMED, REJECTED;

        public String messageKey() {
            return "scoring.state." + name();
        }
    }

    public record Subject(SubjectKind kind, long id, String name) {
        public SubjectRef ref() {
            return new SubjectRef(kind, id);
        }
    }

    /**
     * The deduction from each bound subject's performance bonus (绩效奖金扣减): |points| × rate for a
     * deduction, plus occurrences × the per-occurrence amount; nothing for added points.
     */
    @com.fasterxml.jackson.annotation.JsonProperty("bonusDeduction")
    public Money bonusDeduction() {
        Money m = points.isNegative() ? Money.ofPoints(points, fenPerPoint) : Money.ZERO;
        if (occurrences != null && fenPerOccurrence != null) {
            m = m.plus(Money.fen(fenPerOccurrence).times(occurrences));
        }
        return m;
    }

    public boolean isDeduction() {
        return points.isNegative() || (occurrences != null && fenPerOccurrence != null);
    }

    public String kindKey() {
        return "scoring.eventKind." + kind.name();
    }
}
