package cn.taizhang.work.domain;

import java.time.LocalDate;

/** A stage after reverse scheduling: it runs from {@code startsOn} to {@code dueOn}, both working days. */
public record Stage(int seq, String name, int workingDays, LocalDate startsOn, LocalDate dueOn) {
}
