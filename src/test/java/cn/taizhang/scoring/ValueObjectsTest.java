package cn.taizhang.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.taizhang.method.MethodDefinition.Period;
import cn.taizhang.shared.DomainException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Scores, weights, money and cycles: one rounding rule (two decimals, half-up), fen as long, cycles in China. */
class ValueObjectsTest {

    @Test
    void scoresKeepTwoDecimalsRoundedHalfUp() {
        assertThat(Score.of("2.495")).isEqualTo(Score.of("2.50"));
        assertThat(Score.of("-0.524")).isEqualTo(Score.of("-0.52"));
        assertThat(Score.of("-2.495").toString()).isEqualTo("-2.50");
        assertThat(Score.of("1").signed()).isEqualTo("+1.00");
        assertThat(Score.mean(List.of(Score.of(80), Score.of(90), Score.of(85)))).isEqualTo(Score.of("85.00"));
        assertThat(Score.mean(List.of(Score.of(1), Score.of(0), Score.of(0)))).isEqualTo(Score.of("0.33"));
    }

    @Test
    void aWeightedSumIsExactUntilItIsRoundedOnce() {
        // 80 × 50/70 + 90 × 20/70 = 82.857142… → 82.86 (rounding each share first would give 57.14 + 25.71 = 82.85)
        Weight a = Weight.percent(50).reweighted(new BigDecimal(70));
        Weight b = Weight.percent(20).reweighted(new BigDecimal(70));
        assertThat(Score.weightedSum(List.of(Score.of(80), Score.of(90)), List.of(a, b))).isEqualTo(Score.of("82.86"));
        assertThat(Score.of(80).weighted(Weight.percent(30))).isEqualTo(Score.of("24.00"));
        assertThatThrownBy(() -> Weight.percent(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void moneyFollowsPointsInFen() {
        assertThat(Money.ofPoints(Score.of("-3"), 2000)).isEqualTo(Money.fen(6000));
        assertThat(Money.ofPoints(Score.of("-1.5"), 2000).yuan()).isEqualTo("30.00");
        assertThat(Money.ofPoints(Score.of("-0.01"), 50)).isEqualTo(Money.fen(1)); // 0.5 fen → 1 fen, half-up
        assertThat(Money.fen(10000).times(2).plus(Money.fen(5))).isEqualTo(Money.fen(20005));
    }

    @Test
    void aPoolIsApportionedToTheFenAndAddsUpExactly_FUND1() {
        assertThat(Money.ofYuan(new BigDecimal("12000.5"))).isEqualTo(Money.fen(1200050));
        assertThatThrownBy(() -> Money.ofYuan(new BigDecimal("1.001"))).isInstanceOf(ArithmeticException.class);
        // 100.00 yuan in three equal shares: 33.34 + 33.33 + 33.33, the left-over fen to the first in the list
        assertThat(Money.fen(10000).apportion(List.of(BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE)))
                .containsExactly(Money.fen(3334), Money.fen(3333), Money.fen(3333));
        // 12,000.01 yuan by scores 30, 10, 0: 9,000.0075 → 9,000.00 (remainder .75) and 3,000.0025 → 3,000.00
        // (remainder .25); the one fen left goes to the larger remainder
        assertThat(Money.fen(1200001).apportion(List.of(new BigDecimal("30"), new BigDecimal("10"), BigDecimal.ZERO)))
                .containsExactly(Money.fen(900001), Money.fen(300000), Money.ZERO);
        // the remainder decides, not the order: 10 fen by 1 and 2 → 3.33 and 6.67 → 3 and 7
        assertThat(Money.fen(10).apportion(List.of(new BigDecimal("1.00"), new BigDecimal("2.00"))))
                .containsExactly(Money.fen(3), Money.fen(7));
        // equal remainders: the earlier first — 10 fen by four equal weights → 2.5 each → 3, 3, 2, 2
        assertThat(Money.fen(10).apportion(List.of(new BigDecimal("0.25"), new BigDecimal("0.25"),
                new BigDecimal("0.25"), new BigDecimal("0.25"))))
                .containsExactly(Money.fen(3), Money.fen(3), Money.fen(2), Money.fen(2));
        assertThatThrownBy(() -> Money.fen(100).apportion(List.of(BigDecimal.ZERO))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void cyclesHaveKeysAndSplitIntoShorterOnes() {
        LocalDate d = LocalDate.of(2026, 5, 17);
        assertThat(CycleWindow.containing(Period.MONTH, d).key()).isEqualTo("2026-05");
        assertThat(CycleWindow.containing(Period.QUARTER, d).key()).isEqualTo("2026-Q2");
        assertThat(CycleWindow.containing(Period.HALF_YEAR, d).key()).isEqualTo("2026-H1");
        assertThat(CycleWindow.containing(Period.YEAR, d).key()).isEqualTo("2026");
        assertThat(CycleWindow.parse("2026-Q3").start()).isEqualTo(LocalDate.of(2026, 7, 1));
        assertThat(CycleWindow.parse("2026-H2").end()).isEqualTo(LocalDate.of(2027, 1, 1));
        assertThat(CycleWindow.parse("2026-W01").start()).isEqualTo(LocalDate.of(2025, 12, 29));
        assertThat(CycleWindow.parse("2026-H1").split(Period.QUARTER)).extracting(CycleWindow::key)
                .containsExactly("2026-Q1", "2026-Q2");
        assertThat(CycleWindow.parse("2026").split(Period.MONTH)).hasSize(12);
        assertThat(CycleWindow.parse("2015").previous().key()).isEqualTo("2014");
        assertThat(CycleWindow.parse("2026-01").previous().key()).isEqualTo("2025-12");
        assertThatThrownBy(() -> CycleWindow.parse("2026-13")).isInstanceOf(DomainException.class)
                .extracting("messageKey").isEqualTo("scoring.cycle.badKey");
        assertThatThrownBy(() -> CycleWindow.parse("someday")).isInstanceOf(DomainException.class);
    }
}
