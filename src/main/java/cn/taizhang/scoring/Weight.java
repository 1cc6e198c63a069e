package cn.taizhang.scoring;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/** A weight in percent, as the method states it (50 = 50%). Never negative. */
public record Weight(@com.fasterxml.jackson.annotation.JsonValue BigDecimal percent) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public Weight {
        if (percent == null || percent.signum() < 0) {
            throw new IllegalArgumentException("weight must be a non-negative percentage");
        }
        percent = percent.stripTrailingZeros();
        if (percent.scale() < 0) {
            percent = percent.setScale(0);
        }
    }

    public static Weight percent(BigDecimal percent) {
        return new Weight(percent);
    }

    public static Weight percent(long percent) {
        return new Weight(BigDecimal.valueOf(percent));
    }

    /** The weight as a fraction of one (50% = 0.5), exact enough for any weight a method states. */
    BigDecimal fraction() {
        return percent.divide(HUNDRED, 12, RoundingMode.HALF_UP);
    }

    /**
     * This weight's share of the present weights (REWEIGHT_AND_FLAG): 50 of present 50 + 30 = 62.5%.
     */
    public Weight reweighted(BigDecimal presentTotal) {
        if (presentTotal.signum() == 0) {
            return new Weight(BigDecimal.ZERO);
        }
        return new Weight(percent.multiply(HUNDRED).divide(presentTotal, 8, RoundingMode.HALF_UP));
    }

    public static BigDecimal total(List<Weight> weights) {
        return weights.stream().map(Weight::percent).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    @Override
    public String toString() {
        return percent.setScale(Math.min(2, Math.max(0, percent.scale())), RoundingMode.HALF_UP).toPlainString() + "%";
    }
}
