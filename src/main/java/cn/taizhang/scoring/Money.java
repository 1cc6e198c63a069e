package cn.taizhang.scoring;

import java.math.BigDecimal;

/**
 * An amount in fen (1 yuan = 100 fen). Money tied to points is a deduction from the performance
 * bonus (绩效奖金扣减) under the unit's published rule, never a fine (POLICY.md).
 */
public record Money(long fen) implements Comparable<Money> {

    public static final Money ZERO = new Money(0);

    public static Money fen(long fen) {
        return new Money(fen);
    }

    /** points × rate, rounded half-up to the fen with the one rounding rule of {@link Score}. */
    public static Money ofPoints(Score points, long fenPerPoint) {
        return new Money(points.value().abs().multiply(BigDecimal.valueOf(fenPerPoint))
                .setScale(0, Score.ROUNDING).longValueExact());
    }

    public Money plus(Money other) {
        return new Money(Math.addExact(fen, other.fen));
    }

    public Money times(long count) {
        return new Money(Math.multiplyExact(fen, count));
    }

    public boolean isZero() {
        return fen == 0;
    }

    /** 40.00 (yuan, two decimals). */
    public String yuan() {
        return BigDecimal.valueOf(fen, 2).toPlainString();
    }

    @Override
    public int compareTo(Money o) {
        return Long.compare(fen, o.fen);
    }

    @Override
    public String toString() {
        return "¥" + yuan();
    }
}
