package cn.taizhang.work.domain;

/** The rating of a quarterly stage evaluation (阶段性评估): 好, 较好, 一般, 差. */
public enum StageRating {
    GOOD, FAIR, AVERAGE, POOR;

    public String messageKey() {
        return "inspection.rating." + name();
    }
}
