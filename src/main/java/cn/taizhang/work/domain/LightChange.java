package cn.taizhang.work.domain;

import java.time.OffsetDateTime;

/** A change of an item's light and the numbers behind it (WORK-7). */
public record LightChange(OffsetDateTime changedAt, Light fromLight, Light toLight, LightPolicy.Reason reason,
                          int daysLeft, int planned, int progress, int behind) {
}
