package cn.taizhang.scoring;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;

/**
 * A score: always two decimals, rounded half-up. This is the one place where scores are rounded:
 * every mean, weighted sum and share the engine computes is exact until it becomes a Score.
 */
public record Score(@com.fasterxml.jackson.annotation.JsonValue BigDecimal value) implements Comparable<Score> {

    public static final int SCALE = 2;
    public static final RoundingMode ROUNDING = RoundingMode.HALF_UP;
    public static final Score ZERO = new Score(BigDecimal.ZERO);

    public Score {
        if (value == null) {
            throw new IllegalArgumentException("score value is required");
        }
        value = value.setScale(SCALE, ROUNDING);
    }

    public static Score of(BigDecimal exact) {
        return new Score(exact);
    }

    public static Score of(String text) {
        return new Score(new BigDecimal(text));
    }

    public static Score of(long whole) {
        return new Score(BigDecimal.valueOf(whole));
    }

    public Score plus(Score other) {
        return new Score(value.add(other.value));
    }

    public Score negate() {
        return new Score(value.negate());
    }

    public Score abs() {
        return new Score(value.abs());
    }

    public boolean isNegative() {
        return value.signum() < 0;
    }

    public boolean isZero() {
        return value.signum() == 0;
    }

    /** The arithmetic mean of the scores, rounded once. */
    public static Score mean(Collection<Score> scores) {
        if (scores.isEmpty()) {
            throw new IllegalArgumentException("mean of nothing");
        }
        return mean(scores.stream().map(Score::value).reduce(BigDecimal.ZERO, BigDecimal::add), scores.size());
    }

    /** The mean of {@code count} scores that add up to {@code sum}, rounded as {@link #mean(Collection)} rounds. */
    public static Score mean(BigDecimal sum, long count) {
        if (count <= 0) {
            throw new IllegalArgumentException("mean of nothing");
        }
        return new Score(sum.divide(BigDecimal.valueOf(count), SCALE + 8, ROUNDING));
    }

    public static Score sum(Collection<Score> scores) {
        return new Score(scores.stream().map(Score::value).reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    /** This score's share at the given weight (e.g. 80.00 at 30% = 24.00), rounded once. */
    public Score weighted(Weight weight) {
        return new Score(value.multiply(weight.fraction()));
    }

    /** Σ score × weight, computed exactly and rounded once. */
    public static Score weightedSum(Collection<Score> scores, Collection<Weight> weights) {
        if (scores.size() != weights.size()) {
            throw new IllegalArgumentException("one weight per score");
        }
        BigDecimal sum = BigDecimal.ZERO;
        var w = weights.iterator();
        for (Score s : scores) {
            sum = sum.add(s.value.multiply(w.next().fraction()));
        }
        return new Score(sum);
    }

    @Override
    public int compareTo(Score o) {
        return value.compareTo(o.value);
    }

    /** 12.50, -3.00 */
    @Override
    public String toString() {
        return value.toPlainString();
    }

    /** +12.50, -3.00, 0.00: how a point is shown beside its reason. */
    public String signed() {
        return value.signum() > 0 ? "+" + value.toPlainString() : value.toPlainString();
    }
}
