package cn.taizhang.work.web;

import cn.taizhang.shared.DomainException;
import cn.taizhang.work.domain.NewItem;
import cn.taizhang.work.domain.ReportFrequency;
import cn.taizhang.work.domain.StagePlan;
import cn.taizhang.work.domain.WorkSource;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;

/** A new work item (WORK-1, WORK-2, WORK-4, WORK-6). */
public class ItemForm implements Serializable {

    @NotBlank(message = "{work.required.title}")
    @Size(max = 200, message = "{work.form.tooLong}")
    private String title;
    @NotBlank(message = "{work.category.required}")
    private String categoryCode;
    @NotNull(message = "{work.source.required}")
    private WorkSource source;
    @NotNull(message = "{work.leadUnit.required}")
    private Long leadUnitId;
    private List<Long> assistUnitIds = new ArrayList<>();
    @NotNull(message = "{work.responsible.required}")
    private Long responsiblePersonId;
    private Long supervisingLeaderId;
    @NotNull(message = "{work.startDate.required}")
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate startDate;
    @NotNull(message = "{work.deadline.required}")
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate deadline;
    @NotBlank(message = "{work.required.target}")
    @Size(max = 2000, message = "{work.form.tooLong}")
    private String target;
    @Size(max = 4000, message = "{work.form.tooLong}")
    private String measures;
    @NotNull(message = "{work.frequency.required}")
    private ReportFrequency reportFrequency = ReportFrequency.MONTHLY;
    private Long leaderId;
    private List<Long> deputyIds = new ArrayList<>(java.util.Arrays.asList(null, null));
    private Integer supervisorIndex;
    @Size(max = 2000, message = "{work.form.tooLong}")
    private String stages;
    private boolean assign;

    /** The stages, one a line: a name and its working days ("摸底调查 5"). */
    static List<StagePlan> parseStages(String text) {
        List<StagePlan> plans = new ArrayList<>();
        if (text == null) {
            return plans;
        }
        int lineNo = 0;
        for (String raw : text.split("\\R")) {
            lineNo++;
            String line = raw.strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] parts = line.split("[\\s|,，、]+");
            if (parts.length < 2) {
                throw DomainException.atField("stages", "work.stage.badLine", lineNo, line);
            }
            int days;
            try {
                days = Integer.parseInt(parts[parts.length - 1]);
            } catch (NumberFormatException e) {
                throw DomainException.atField("stages", "work.stage.badLine", lineNo, line);
            }
            String name = line.substring(0, line.lastIndexOf(parts[parts.length - 1])).replaceAll("[\\s|,，、]+$", "");
            if (name.length() > 100) {
                throw DomainException.atField("stages", "work.stage.badLine", lineNo, line);
            }
            plans.add(new StagePlan(name, days));
        }
        return plans;
    }

    NewItem toNewItem() {
        return new NewItem(title, categoryCode, source, leadUnitId, assistUnitIds, responsiblePersonId,
                supervisingLeaderId, startDate, deadline, target, measures, reportFrequency, leaderId, deputyIds,
                supervisorIndex, parseStages(stages), assign);
    }

    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getCategoryCode() { return categoryCode; }
    public void setCategoryCode(String categoryCode) { this.categoryCode = categoryCode; }
    public WorkSource getSource() { return source; }
    public void setSource(WorkSource source) { this.source = source; }
    public Long getLeadUnitId() { return leadUnitId; }
    public void setLeadUnitId(Long leadUnitId) { this.leadUnitId = leadUnitId; }
    public List<Long> getAssistUnitIds() { return assistUnitIds; }
    public void setAssistUnitIds(List<Long> assistUnitIds) { this.assistUnitIds = assistUnitIds; }
    public Long getResponsiblePersonId() { return responsiblePersonId; }
    public void setResponsiblePersonId(Long responsiblePersonId) { this.responsiblePersonId = responsiblePersonId; }
    public Long getSupervisingLeaderId() { return supervisingLeaderId; }
    public void setSupervisingLeaderId(Long supervisingLeaderId) { this.supervisingLeaderId = supervisingLeaderId; }
    public LocalDate getStartDate() { return startDate; }
    public void setStartDate(LocalDate startDate) { this.startDate = startDate; }
    public LocalDate getDeadline() { return deadline; }
    public void setDeadline(LocalDate deadline) { this.deadline = deadline; }
    public String getTarget() { return target; }
    public void setTarget(String target) { this.target = target; }
    public String getMeasures() { return measures; }
    public void setMeasures(String measures) { this.measures = measures; }
    public ReportFrequency getReportFrequency() { return reportFrequency; }
    public void setReportFrequency(ReportFrequency reportFrequency) { this.reportFrequency = reportFrequency; }
    public Long getLeaderId() { return leaderId; }
    public void setLeaderId(Long leaderId) { this.leaderId = leaderId; }
    public List<Long> getDeputyIds() { return deputyIds; }
    public void setDeputyIds(List<Long> deputyIds) { this.deputyIds = deputyIds; }
    public Integer getSupervisorIndex() { return supervisorIndex; }
    public void setSupervisorIndex(Integer supervisorIndex) { this.supervisorIndex = supervisorIndex; }
    public String getStages() { return stages; }
    public void setStages(String stages) { this.stages = stages; }
    public boolean isAssign() { return assign; }
    public void setAssign(boolean assign) { this.assign = assign; }
}
