package cn.taizhang.scoring;

/** One rating sheet as the engine counts it; a ballot rater stays an anonymous number. */
public record SheetFact(long sheetId, SubjectRef ratee, String raterGroup, String raterKind, String raterRef,
                        Score score, String comment) {
}
