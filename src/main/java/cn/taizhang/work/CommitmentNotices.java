package cn.taizhang.work;

import java.time.YearMonth;
import java.util.List;

/**
 * The month-start commitments (月初晒承诺, WORK-3) as a public notice shows them: only submitted
 * lists, and of each person only the name, unit and post the duty requires (never phone numbers).
 */
public interface CommitmentNotices {

    /** The submitted commitments of a tenant's month, by unit and person. */
    List<Notice> submitted(long tenantId, YearMonth month);

    /**
     * One commitment.
     *
     * @param kind    FIXED (固定任务) or DYNAMIC (动态任务)
     * @param outcome DONE, NOT_DONE, or null while the month runs
     */
    record Notice(long personId, String personName, String unitName, String post, String kind, String text,
                  String outcome, String outcomeRemark) {
    }
}
