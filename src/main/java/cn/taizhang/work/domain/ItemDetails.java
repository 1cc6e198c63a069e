package cn.taizhang.work.domain;

import cn.taizhang.org.OrgUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Everything the item page shows: the item, names, its ledger in time order, deadlines and lights. */
public record ItemDetails(WorkItem item, OrgUnit leadUnit, List<OrgUnit> assistUnits, Map<Long, String> personNames,
                          List<LedgerEntry> ledger, List<DeadlineChange> deadlines, List<StoredDocument> documents,
                          Optional<RewardResult> rewardResult, List<LightChange> lightChanges,
                          LightPolicy.Verdict lightNow, Permissions permissions, boolean calendarCoversDeadline) {
}
