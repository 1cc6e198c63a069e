package cn.taizhang.scoring;

import cn.taizhang.method.MethodDefinition;
import cn.taizhang.method.MethodDefinition.Consequence;
import cn.taizhang.method.MethodDefinition.ConsequenceKind;
import cn.taizhang.method.MethodDefinition.Period;
import cn.taizhang.shared.DomainException;
import java.math.BigDecimal;

/**
 * The fund pool of group working funds (FUND-1), one rule for generating and for the preview:
 * in yuan, positive, at most two decimals, only for a cycle of the period the funds are released
 * in (the method's practices.groupFunds.releasedEvery; a month where it says nothing), and only
 * for a GROUP_FUNDS consequence.
 */
final class FundPool {

    private FundPool() {
    }

    /**
     * The pool as money, or null when none is given for a consequence that takes none; {@code field}
     * names the refused input (fundPool when generating, pool in the preview).
     */
    static Money of(MethodDefinition d, Consequence c, CycleWindow cycle, BigDecimal yuan, String field) {
        if (c.kind() != ConsequenceKind.GROUP_FUNDS) {
            if (yuan != null) {
                throw DomainException.atField(field, "assessment.funds.notApplicable", c.name());
            }
            return null;
        }
        var funds = d.practices() == null ? null : d.practices().groupFunds();
        Period every = funds == null || funds.releasedEvery() == null ? Period.MONTH : funds.releasedEvery();
        if (cycle.period() != every) {
            throw DomainException.atField("cycle", "assessment.funds.cycle", cycle.key(), every.name(),
                    CycleWindow.containing(every, cycle.start()).key());
        }
        if (yuan == null) {
            throw DomainException.atField(field, "assessment.funds.poolRequired", c.name(), cycle.key());
        }
        Money pool;
        try {
            pool = Money.ofYuan(yuan);
        } catch (ArithmeticException e) {
            throw DomainException.atField(field, "assessment.funds.poolInvalid", yuan.toPlainString());
        }
        if (pool.fen() <= 0) {
            throw DomainException.atField(field, "assessment.funds.poolInvalid", yuan.toPlainString());
        }
        return pool;
    }
}
