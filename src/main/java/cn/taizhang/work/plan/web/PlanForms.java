package cn.taizhang.work.plan.web;

import cn.taizhang.work.plan.CommitmentKind;
import cn.taizhang.work.plan.Outcome;
import cn.taizhang.work.plan.PlanLevel;
import cn.taizhang.work.plan.Plans;
import cn.taizhang.work.plan.ResearchTopics;
import cn.taizhang.work.plan.ResponsibilityLetters;
import cn.taizhang.work.plan.TopicKind;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;

/** The forms of the plans area; the services check the rules and name the field that is wrong. */
final class PlanForms {

    private PlanForms() {
    }

    public static class PlanForm implements Serializable {
        private PlanLevel level;
        private Integer year;
        private Integer month;
        private Long unitId;
        private Long personId;
        @Size(max = 200, message = "{plan.form.tooLong}")
        private String title;

        Plans.NewPlan toNewPlan() {
            return new Plans.NewPlan(level, year, month, unitId, personId, title);
        }

        public PlanLevel getLevel() { return level; }
        public void setLevel(PlanLevel level) { this.level = level; }
        public Integer getYear() { return year; }
        public void setYear(Integer year) { this.year = year; }
        public Integer getMonth() { return month; }
        public void setMonth(Integer month) { this.month = month; }
        public Long getUnitId() { return unitId; }
        public void setUnitId(Long unitId) { this.unitId = unitId; }
        public Long getPersonId() { return personId; }
        public void setPersonId(Long personId) { this.personId = personId; }
        public String getTitle() { return title; }
        public void setTitle(String title) { this.title = title; }
    }

    public static class LineForm implements Serializable {
        @Size(max = 500, message = "{plan.form.tooLong}")
        private String content;
        @Size(max = 1000, message = "{plan.form.tooLong}")
        private String standard;
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private LocalDate deadline;
        private Long responsibleUnitId;
        private Long responsiblePersonId;
        private Long supervisingLeaderId;
        private Long servesLineId;

        Plans.NewLine toNewLine() {
            return new Plans.NewLine(content, standard, deadline, responsibleUnitId, responsiblePersonId,
                    supervisingLeaderId, servesLineId);
        }

        public String getContent() { return content; }
        public void setContent(String content) { this.content = content; }
        public String getStandard() { return standard; }
        public void setStandard(String standard) { this.standard = standard; }
        public LocalDate getDeadline() { return deadline; }
        public void setDeadline(LocalDate deadline) { this.deadline = deadline; }
        public Long getResponsibleUnitId() { return responsibleUnitId; }
        public void setResponsibleUnitId(Long responsibleUnitId) { this.responsibleUnitId = responsibleUnitId; }
        public Long getResponsiblePersonId() { return responsiblePersonId; }
        public void setResponsiblePersonId(Long responsiblePersonId) { this.responsiblePersonId = responsiblePersonId; }
        public Long getSupervisingLeaderId() { return supervisingLeaderId; }
        public void setSupervisingLeaderId(Long supervisingLeaderId) { this.supervisingLeaderId = supervisingLeaderId; }
        public Long getServesLineId() { return servesLineId; }
        public void setServesLineId(Long servesLineId) { this.servesLineId = servesLineId; }
    }

    /** A corrected line: the fields of a line and the reason kept with the correction. */
    public static class ReviseForm extends LineForm {
        @Size(max = 500, message = "{plan.form.tooLong}")
        private String reason;

        static ReviseForm of(cn.taizhang.work.plan.PlanLine l) {
            var f = new ReviseForm();
            f.setContent(l.content());
            f.setStandard(l.standard());
            f.setDeadline(l.deadline());
            f.setResponsibleUnitId(l.responsibleUnitId());
            f.setResponsiblePersonId(l.responsiblePersonId());
            f.setSupervisingLeaderId(l.supervisingLeaderId());
            f.setServesLineId(l.servesLineId());
            return f;
        }

        public String getReason() { return reason; }
        public void setReason(String reason) { this.reason = reason; }
    }

    /** Link a line to a work item, or create one of a category. */
    public static class ItemForm implements Serializable {
        private Long workItemId;
        private String categoryCode;

        public Long getWorkItemId() { return workItemId; }
        public void setWorkItemId(Long workItemId) { this.workItemId = workItemId; }
        public String getCategoryCode() { return categoryCode; }
        public void setCategoryCode(String categoryCode) { this.categoryCode = categoryCode; }
    }

    public static class CommitmentForm implements Serializable {
        private CommitmentKind kind;
        @Size(max = 500, message = "{plan.form.tooLong}")
        private String text;

        public CommitmentKind getKind() { return kind; }
        public void setKind(CommitmentKind kind) { this.kind = kind; }
        public String getText() { return text; }
        public void setText(String text) { this.text = text; }
    }

    public static class OutcomeForm implements Serializable {
        private Outcome outcome;
        @Size(max = 500, message = "{plan.form.tooLong}")
        private String remark;

        public Outcome getOutcome() { return outcome; }
        public void setOutcome(Outcome outcome) { this.outcome = outcome; }
        public String getRemark() { return remark; }
        public void setRemark(String remark) { this.remark = remark; }
    }

    public static class LetterForm implements Serializable {
        private Integer year;
        @Size(max = 200, message = "{plan.form.tooLong}")
        private String title;
        @Size(max = 8000, message = "{plan.form.tooLong}")
        private String body;
        private List<Long> addresseeIds = new ArrayList<>();

        ResponsibilityLetters.Issue toIssue() {
            return new ResponsibilityLetters.Issue(year, title, body, addresseeIds);
        }

        public Integer getYear() { return year; }
        public void setYear(Integer year) { this.year = year; }
        public String getTitle() { return title; }
        public void setTitle(String title) { this.title = title; }
        public String getBody() { return body; }
        public void setBody(String body) { this.body = body; }
        public List<Long> getAddresseeIds() { return addresseeIds; }
        public void setAddresseeIds(List<Long> addresseeIds) { this.addresseeIds = addresseeIds; }
    }

    public static class TopicForm implements Serializable {
        private Integer year;
        private TopicKind kind;
        @Size(max = 200, message = "{plan.form.tooLong}")
        private String title;
        @Size(max = 4000, message = "{plan.form.tooLong}")
        private String survey;
        @Size(max = 8000, message = "{plan.form.tooLong}")
        private String proposal;
        @Size(max = 500, message = "{plan.form.tooLong}")
        private String reason;

        ResearchTopics.Draft toDraft() {
            return new ResearchTopics.Draft(year, kind, title, survey, proposal);
        }

        static TopicForm of(ResearchTopics.Topic t) {
            var f = new TopicForm();
            f.year = t.year();
            f.kind = t.kind();
            f.title = t.title();
            f.survey = t.survey();
            f.proposal = t.proposal();
            return f;
        }

        public Integer getYear() { return year; }
        public void setYear(Integer year) { this.year = year; }
        public TopicKind getKind() { return kind; }
        public void setKind(TopicKind kind) { this.kind = kind; }
        public String getTitle() { return title; }
        public void setTitle(String title) { this.title = title; }
        public String getSurvey() { return survey; }
        public void setSurvey(String survey) { this.survey = survey; }
        public String getProposal() { return proposal; }
        public void setProposal(String proposal) { this.proposal = proposal; }
        public String getReason() { return reason; }
        public void setReason(String reason) { this.reason = reason; }
    }

    /** The review, the adoption: a decision with a note. */
    public static class DecisionForm implements Serializable {
        private boolean approve;
        @Size(max = 2000, message = "{plan.form.tooLong}")
        private String note;

        public boolean isApprove() { return approve; }
        public void setApprove(boolean approve) { this.approve = approve; }
        public String getNote() { return note; }
        public void setNote(String note) { this.note = note; }
    }

    public static class CommentForm implements Serializable {
        @Size(max = 50, message = "{plan.form.tooLong}")
        private String commenterName;
        @Size(max = 100, message = "{plan.form.tooLong}")
        private String commenterRole;
        @Size(max = 4000, message = "{plan.form.tooLong}")
        private String text;

        public String getCommenterName() { return commenterName; }
        public void setCommenterName(String commenterName) { this.commenterName = commenterName; }
        public String getCommenterRole() { return commenterRole; }
        public void setCommenterRole(String commenterRole) { this.commenterRole = commenterRole; }
        public String getText() { return text; }
        public void setText(String text) { this.text = text; }
    }
}
