package cn.taizhang.scoring;

import cn.taizhang.method.MethodDefinition.SubjectKind;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * What the engine reads: confirmed events with corrections applied, rating sheets, composite
 * inputs, the subjects to assess and the compliance state. {@code only} narrows to one subject
 * (explanations); null means everybody.
 */
interface Facts {

    /** Confirmed events whose day lies in [from, to), one row per event and bound subject. */
    List<EventFact> events(LocalDate from, LocalDate to, SubjectRef only);

    List<SheetFact> sheets(String assessment, String component, String cycleKey, SubjectRef only);

    List<InputFact> inputs(String composite, String cycleKey, SubjectRef only);

    /** The active subjects of these kinds, with their names. */
    List<Named> universe(Set<SubjectKind> kinds, SubjectRef only);

    boolean effective(String flagCode);

    record Named(SubjectRef ref, String name) {
    }

    /**
     * One event's points for one subject: {@code points} as scored, {@code effective} after the
     * latest correction of it (a correction replaces the points, never edits the event).
     */
    record EventFact(long eventId, SubjectRef subject, String kind, String itemCode, String itemName, Score points,
                     Score effective, Long correctionId, String correctionReason, LocalDate occurredOn, String reason,
                     String evidence, String article, String proposedBy, String confirmedBy) {
    }

    /** One rating sheet; {@code rater} is shown as its kind and reference (ballots stay anonymous). */
    record SheetFact(long sheetId, SubjectRef ratee, String raterGroup, String raterKind, String raterRef, Score score,
                     String comment) {
    }

    record InputFact(long id, SubjectRef subject, String kind, String code, Integer countyRank, Score points,
                     String reason, String enteredBy) {
    }
}
