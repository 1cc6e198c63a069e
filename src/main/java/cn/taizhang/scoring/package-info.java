/**
 * Scoring and assessment (SCORE-1..7, ASSESS-1..10, RULE-1): points with reasons as events happen,
 * corrections and appeals, rating sheets, and the engine that turns them into the periodic
 * assessments, composites and rankings of the tenant's method — each number with its explanation.
 *
 * <p>Public API: the value objects {@link cn.taizhang.scoring.Score}, {@link cn.taizhang.scoring.Weight},
 * {@link cn.taizhang.scoring.Money}, {@link cn.taizhang.scoring.CycleWindow}; the services
 * {@link cn.taizhang.scoring.ScoreEvents}, {@link cn.taizhang.scoring.RatingSheets},
 * {@link cn.taizhang.scoring.Regulations} and {@link cn.taizhang.scoring.Assessments}, and the records they return.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "audit", "org", "method", "work", "board"})
package cn.taizhang.scoring;
