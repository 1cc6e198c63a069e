package cn.taizhang.scoring;

/** A composite input: county rank (bonus or veto), commendation or leader's correction. */
public record InputFact(long id, SubjectRef subject, String kind, String code, Integer countyRank, Score points,
                 String reason, String enteredBy) {
}
