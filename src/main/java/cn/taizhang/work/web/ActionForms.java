package cn.taizhang.work.web;

import cn.taizhang.method.MethodDefinition.Document;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;

/** The forms of the item page, one per action. */
final class ActionForms {

    private ActionForms() {
    }

    /** Return, rework, cancel, refuse: an action that must say why. */
    public static class ReasonForm implements Serializable {
        @NotBlank(message = "{work.required.reason}")
        @Size(max = 1000, message = "{work.form.tooLong}")
        private String reason;

        public String getReason() { return reason; }
        public void setReason(String reason) { this.reason = reason; }
    }

    /** A query, a completion request, an evaluation: a text. */
    public static class TextForm implements Serializable {
        @NotBlank(message = "{work.required.text}")
        @Size(max = 8000, message = "{work.form.tooLong}")
        private String text;

        public String getText() { return text; }
        public void setText(String text) { this.text = text; }
    }

    public static class AnswerForm implements Serializable {
        @NotNull(message = "{work.answer.noQuery}")
        private Long queryId;
        @NotBlank(message = "{work.required.text}")
        @Size(max = 8000, message = "{work.form.tooLong}")
        private String text;

        public Long getQueryId() { return queryId; }
        public void setQueryId(Long queryId) { this.queryId = queryId; }
        public String getText() { return text; }
        public void setText(String text) { this.text = text; }
    }

    public static class ReportForm implements Serializable {
        @NotNull(message = "{work.report.percent}")
        @Min(value = 0, message = "{work.report.percent}")
        @Max(value = 100, message = "{work.report.percent}")
        private Integer percent;
        @NotBlank(message = "{work.required.text}")
        @Size(max = 8000, message = "{work.form.tooLong}")
        private String text;

        public Integer getPercent() { return percent; }
        public void setPercent(Integer percent) { this.percent = percent; }
        public String getText() { return text; }
        public void setText(String text) { this.text = text; }
    }

    public static class DocumentForm implements Serializable {
        @NotNull(message = "{work.document.kind}")
        private Document kind;
        @NotBlank(message = "{work.required.body}")
        @Size(max = 8000, message = "{work.form.tooLong}")
        private String body;

        public Document getKind() { return kind; }
        public void setKind(Document kind) { this.kind = kind; }
        public String getBody() { return body; }
        public void setBody(String body) { this.body = body; }
    }

    public static class OpinionForm implements Serializable {
        @NotBlank(message = "{work.required.measures}")
        @Size(max = 4000, message = "{work.form.tooLong}")
        private String measures;
        @NotNull(message = "{work.opinion.deadlineRequired}")
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private LocalDate until;
        @Size(max = 8000, message = "{work.form.tooLong}")
        private String text;

        public String getMeasures() { return measures; }
        public void setMeasures(String measures) { this.measures = measures; }
        public LocalDate getUntil() { return until; }
        public void setUntil(LocalDate until) { this.until = until; }
        public String getText() { return text; }
        public void setText(String text) { this.text = text; }
    }

    public static class ExtensionForm implements Serializable {
        @NotNull(message = "{work.extension.newDeadlineRequired}")
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private LocalDate newDeadline;
        @NotBlank(message = "{work.required.reason}")
        @Size(max = 1000, message = "{work.form.tooLong}")
        private String reason;

        public LocalDate getNewDeadline() { return newDeadline; }
        public void setNewDeadline(LocalDate newDeadline) { this.newDeadline = newDeadline; }
        public String getReason() { return reason; }
        public void setReason(String reason) { this.reason = reason; }
    }

    public static class DecisionForm implements Serializable {
        private boolean approve;
        @Size(max = 1000, message = "{work.form.tooLong}")
        private String note;

        public boolean isApprove() { return approve; }
        public void setApprove(boolean approve) { this.approve = approve; }
        public String getNote() { return note; }
        public void setNote(String note) { this.note = note; }
    }

    public static class RewardForm implements Serializable {
        @NotBlank(message = "{work.required.summary}")
        @Size(max = 4000, message = "{work.form.tooLong}")
        private String summary;
        private Map<Long, BigDecimal> points = new LinkedHashMap<>();

        public String getSummary() { return summary; }
        public void setSummary(String summary) { this.summary = summary; }
        public Map<Long, BigDecimal> getPoints() { return points; }
        public void setPoints(Map<Long, BigDecimal> points) { this.points = points; }
    }

    public static class EvidenceForm implements Serializable {
        @NotBlank(message = "{work.required.evidence}")
        @Size(max = 8000, message = "{work.form.tooLong}")
        private String evidence;

        public String getEvidence() { return evidence; }
        public void setEvidence(String evidence) { this.evidence = evidence; }
    }
}
