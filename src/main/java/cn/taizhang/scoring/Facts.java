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

    /** Confirmed events from the first day up to the end day (exclusive), one row per event and bound subject. */
    List<EventFact> events(LocalDate from, LocalDate to, SubjectRef only);

    List<SheetFact> sheets(String assessment, String component, String cycleKey, SubjectRef only);

    List<InputFact> inputs(String composite, String cycleKey, SubjectRef only);

    /** The active subjects of these kinds, with their names. */
    List<NamedSubject> universe(Set<SubjectKind> kinds, SubjectRef only);

    boolean effective(String flagCode);
}
