package cn.taizhang.work.domain;

import java.util.Collection;

/** The rating of a quarterly stage evaluation (阶段性评估): 好, 较好, 一般, 差 (best first). */
public enum StageRating {
    GOOD, FAIR, AVERAGE, POOR;

    public String messageKey() {
        return "inspection.rating." + name();
    }

    /**
     * The overall rating of an evaluation against several standards: the worst of them. A deviation on
     * any one standard is what the quarterly dispatch meeting is there to correct (seed 001), so an
     * average must not hide it; the seed gives no weights to compute anything else.
     */
    public static StageRating worst(Collection<StageRating> ratings) {
        StageRating worst = null;
        for (StageRating r : ratings) {
            if (worst == null || r.ordinal() > worst.ordinal()) {
                worst = r;
            }
        }
        return worst;
    }

    static StageRating parse(String s) {
        try {
            return s == null ? null : valueOf(s.trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
