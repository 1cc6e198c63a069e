package cn.taizhang.scoring;

import cn.taizhang.method.MethodDefinition.ComponentSource;
import cn.taizhang.method.MethodDefinition.TieRule;
import java.util.List;

/** What the engine produces: each subject's result with everything behind it (ASSESS, explanations). */
public final class Results {

    private Results() {
    }

    /** A remark on a number, as a message key with arguments (e.g. a re-weighted missing group). */
    public record Note(String code, List<String> args) {
        public static Note of(String code, Object... args) {
            return new Note(code, java.util.Arrays.stream(args).map(String::valueOf).toList());
        }
    }

    public record Ranking(String targetCode, String targetName, boolean composite, String cycleKey,
                          long methodVersionId, TieRule tie, List<Row> rows, List<SubjectResult> notAssessed,
                          List<Note> notes) {
    }

    /** A row of a ranking; ranks count within one subject kind (persons among persons, ...). */
    public record Row(int rank, SubjectResult result) {
    }

    /**
     * One subject's result for a target (an assessment or a composite) and cycle. {@code score} is
     * null when nothing assessed the subject.
     */
    public record SubjectResult(SubjectRef subject, String name, Score score, Score beforeAdjustments,
                                boolean flagged, boolean vetoed, List<PartResult> parts,
                                List<Adjustment> adjustments, List<Note> notes) {
    }

    /** An assessment inside a composite (or the assessment itself, at 100%). */
    public record PartResult(String assessmentCode, String name, Weight weight, Weight effectiveWeight, Score value,
                             boolean flagged, List<CycleResult> cycles, List<Note> notes) {
    }

    /** The assessment in one of its own cycles; a longer target takes the mean of these. */
    public record CycleResult(String cycleKey, Score value, boolean flagged, List<ComponentResult> components) {
    }

    public record ComponentResult(String code, String name, ComponentSource source, Weight weight,
                                  Weight effectiveWeight, Score value, boolean flagged, List<GroupResult> groups,
                                  List<EventFact> events, List<Note> notes) {
    }

    public record GroupResult(String code, String name, Weight weight, Weight effectiveWeight, Score mean, int count,
                              List<SheetFact> sheets) {
    }

    /** A bonus, veto or leader's correction of a composite, with its reason and whether it took effect. */
    public record Adjustment(long inputId, String kind, String code, String name, Integer countyRank, Score points,
                             boolean effective, String reason, String enteredBy, Note note) {
    }
}
