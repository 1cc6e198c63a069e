package cn.taizhang.work.domain;

/** A stage of an item as planned: its name and its length in working days. */
public record StagePlan(String name, int workingDays) {
}
