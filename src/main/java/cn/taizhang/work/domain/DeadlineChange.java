package cn.taizhang.work.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A deadline an item has had: seq 0 is the original, each approved extension adds one. */
public record DeadlineChange(int seq, LocalDate deadline, String reason, String decidedBy, OffsetDateTime decidedAt) {
}
