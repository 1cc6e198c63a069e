package cn.taizhang.scoring;

import cn.taizhang.method.MethodDefinition.SubjectKind;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the engine reads: confirmed events with corrections applied, rating sheets, composite
 * inputs, the subjects to assess and the compliance state. {@code only} narrows to one subject
 * (explanations); null means everybody. An explanation reads the lines (each event and sheet); a
 * ranking reads only the totals, which add up the same rows.
 */
interface Facts {

    /** Confirmed events from the first day up to the end day (exclusive), one row per event and bound subject. */
    List<EventFact> events(LocalDate from, LocalDate to, SubjectRef only);

    /**
     * The sum of the subject's confirmed points from the first day up to the end day (exclusive),
     * the latest correction applied: the sum of {@link EventFact#effective()} over {@link #events}; 0 with none.
     */
    Score eventTotal(LocalDate from, LocalDate to, SubjectRef subject);

    List<SheetFact> sheets(String assessment, String component, String cycleKey, SubjectRef only);

    /** The ratee's sheets of a component and cycle per rater group (every group that has any): number and sum. */
    Map<String, SheetTotal> sheetTotals(String assessment, String component, String cycleKey, SubjectRef ratee);

    List<InputFact> inputs(String composite, String cycleKey, SubjectRef only);

    /** The active subjects of these kinds, with their names. */
    List<NamedSubject> universe(Set<SubjectKind> kinds, SubjectRef only);

    boolean effective(String flagCode);

    /** How many sheets a rater group gave a ratee and the sum of their scores (the mean is sum / count). */
    record SheetTotal(int count, BigDecimal sum) {

        static SheetTotal of(List<SheetFact> sheets) {
            return new SheetTotal(sheets.size(),
                    sheets.stream().map(s -> s.score().value()).reduce(BigDecimal.ZERO, BigDecimal::add));
        }
    }
}
