package cn.taizhang.scoring;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

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

    /**
     * An amount written in yuan with at most two decimals: 12000.5 is 1,200,050 fen. A third
     * decimal is refused, never rounded away (ArithmeticException), as is an amount beyond a long.
     */
    public static Money ofYuan(BigDecimal yuan) {
        return new Money(yuan.movePointRight(2).setScale(0, RoundingMode.UNNECESSARY).longValueExact());
    }

    /**
     * This amount split in proportion to the weights, to the fen, adding up exactly to it (the
     * largest-remainder rule): each share is first rounded down to the fen; the fen left over —
     * fewer than there are shares — go one each to the shares with the largest remainders, and of
     * equal remainders to the earlier in the list. A weight of 0 gets nothing.
     */
    public List<Money> apportion(List<BigDecimal> weights) {
        if (fen < 0 || weights.stream().anyMatch(w -> w.signum() < 0)) {
            throw new IllegalArgumentException("apportion a non-negative amount by non-negative weights");
        }
        BigDecimal total = weights.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        if (total.signum() == 0) {
            throw new IllegalArgumentException("nothing to apportion by: the weights add up to 0");
        }
        // exact integer arithmetic: scale every weight to the same whole numbers first
        int scale = weights.stream().mapToInt(w -> Math.max(0, w.stripTrailingZeros().scale())).max().orElse(0);
        BigInteger sum = total.movePointRight(scale).toBigIntegerExact();
        List<BigInteger[]> parts = new ArrayList<>();
        long given = 0;
        for (BigDecimal w : weights) {
            BigInteger[] qr = BigInteger.valueOf(fen).multiply(w.movePointRight(scale).toBigIntegerExact())
                    .divideAndRemainder(sum);
            parts.add(qr);
            given += qr[0].longValueExact();
        }
        long[] out = parts.stream().mapToLong(qr -> qr[0].longValueExact()).toArray();
        IntStream.range(0, parts.size()).boxed()
                .sorted(Comparator.comparing((Integer i) -> parts.get(i)[1]).reversed())
                .limit(fen - given)
                .forEach(i -> out[i]++);
        return java.util.Arrays.stream(out).mapToObj(Money::new).toList();
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
