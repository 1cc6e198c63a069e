package cn.taizhang.work.domain;

import java.time.LocalDate;
import java.util.List;

/**
 * What a page or the API asks for when it creates an item.
 *
 * @param deputyIds       the lead group's deputies, in order
 * @param supervisorIndex which deputy (0-based) is the supervisor-assessor
 * @param assign          assign it at once instead of keeping a draft
 */
public record NewItem(String title, String categoryCode, WorkSource source, Long leadUnitId, List<Long> assistUnitIds,
                      Long responsiblePersonId, Long supervisingLeaderId, LocalDate startDate, LocalDate deadline,
                      String target, String measures, ReportFrequency reportFrequency, Long leaderId,
                      List<Long> deputyIds, Integer supervisorIndex, List<StagePlan> stages, boolean assign) {

    public NewItem {
        assistUnitIds = assistUnitIds == null ? List.of() : assistUnitIds.stream().filter(java.util.Objects::nonNull).toList();
        deputyIds = deputyIds == null ? List.of() : deputyIds.stream().filter(java.util.Objects::nonNull).toList();
        stages = stages == null ? List.of() : List.copyOf(stages);
    }
}
