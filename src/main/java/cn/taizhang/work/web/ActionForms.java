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
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import cn.taizhang.work.domain.Inspections;
import cn.taizhang.work.domain.StageRating;
import cn.taizhang.work.domain.Upload;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.multipart.MultipartFile;

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

        private transient List<MultipartFile> files = new ArrayList<>();

        public Long getQueryId() { return queryId; }
        public void setQueryId(Long queryId) { this.queryId = queryId; }
        public String getText() { return text; }
        public void setText(String text) { this.text = text; }
        public List<MultipartFile> getFiles() { return files; }
        public void setFiles(List<MultipartFile> files) { this.files = files; }
    }

    public static class ReportForm implements Serializable {
        @NotNull(message = "{work.report.percent}")
        @Min(value = 0, message = "{work.report.percent}")
        @Max(value = 100, message = "{work.report.percent}")
        private Integer percent;
        @NotBlank(message = "{work.required.text}")
        @Size(max = 8000, message = "{work.form.tooLong}")
        private String text;

        private transient List<MultipartFile> files = new ArrayList<>();

        public Integer getPercent() { return percent; }
        public void setPercent(Integer percent) { this.percent = percent; }
        public String getText() { return text; }
        public void setText(String text) { this.text = text; }
        public List<MultipartFile> getFiles() { return files; }
        public void setFiles(List<MultipartFile> files) { this.files = files; }
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

        private transient List<MultipartFile> files = new ArrayList<>();

        public String getEvidence() { return evidence; }
        public void setEvidence(String evidence) { this.evidence = evidence; }
        public List<MultipartFile> getFiles() { return files; }
        public void setFiles(List<MultipartFile> files) { this.files = files; }
    }

    /** A site inspection (现场查看): day, inspectors, what was seen, figures, optional photos. */
    public static class InspectionForm implements Serializable {
        @NotNull(message = "{inspection.date.required}")
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private LocalDate inspectedOn;
        private List<Long> inspectorIds = new ArrayList<>();
        @NotBlank(message = "{work.required.text}")
        @Size(max = 8000, message = "{work.form.tooLong}")
        private String text;
        private List<FigureRow> figures = new ArrayList<>();
        private transient List<MultipartFile> photos = new ArrayList<>();

        /** Three rows to fill in, the first two named as a project inspection usually counts. */
        static InspectionForm blank(LocalDate today, String progressName, String investmentName, String investmentUnit) {
            var f = new InspectionForm();
            f.inspectedOn = today;
            f.figures.add(new FigureRow(progressName, "%"));
            f.figures.add(new FigureRow(investmentName, investmentUnit));
            f.figures.add(new FigureRow(null, null));
            return f;
        }

        void padFigures(int rows) {
            while (figures.size() < rows) {
                figures.add(new FigureRow(null, null));
            }
        }

        Inspections.NewInspection toNew() {
            return new Inspections.NewInspection(inspectedOn, inspectorIds, text, figures.stream()
                    .map(r -> new Inspections.FigureInput(r.getName(), r.getValue(), r.getUnit())).toList());
        }

        public LocalDate getInspectedOn() { return inspectedOn; }
        public void setInspectedOn(LocalDate inspectedOn) { this.inspectedOn = inspectedOn; }
        public List<Long> getInspectorIds() { return inspectorIds; }
        public void setInspectorIds(List<Long> inspectorIds) { this.inspectorIds = inspectorIds; }
        public String getText() { return text; }
        public void setText(String text) { this.text = text; }
        public List<FigureRow> getFigures() { return figures; }
        public void setFigures(List<FigureRow> figures) { this.figures = figures; }
        public List<MultipartFile> getPhotos() { return photos; }
        public void setPhotos(List<MultipartFile> photos) { this.photos = photos; }
    }

    /** One figure of an inspection; the value stays text until the service reads it. */
    public static class FigureRow implements Serializable {
        private String name;
        private String value;
        private String unit;

        public FigureRow() {
        }

        FigureRow(String name, String unit) {
            this.name = name;
            this.unit = unit;
        }

        public String getName() { return name; }
        public void setName(String name) { this.name = name; }
        public String getValue() { return value; }
        public void setValue(String value) { this.value = value; }
        public String getUnit() { return unit; }
        public void setUnit(String unit) { this.unit = unit; }
    }

    /**
     * The quarterly stage evaluation (阶段性评估): a rating per standard of the method (the overall one is
     * derived) or, when the method has none, one rating; and a remark. The service checks what is required.
     */
    public static class StageForm implements Serializable {
        private StageRating rating;
        private java.util.Map<String, StageRating> standards = new java.util.LinkedHashMap<>();
        @NotBlank(message = "{inspection.stage.remarkRequired}")
        @Size(max = 2000, message = "{work.form.tooLong}")
        private String remark;

        public StageRating getRating() { return rating; }
        public void setRating(StageRating rating) { this.rating = rating; }
        public java.util.Map<String, StageRating> getStandards() { return standards; }
        public void setStandards(java.util.Map<String, StageRating> standards) { this.standards = standards; }
        public String getRemark() { return remark; }
        public void setRemark(String remark) { this.remark = remark; }

        /** The standards rated on the form; an option left at 评定 is no rating. */
        public java.util.Map<String, StageRating> rated() {
            java.util.Map<String, StageRating> out = new java.util.LinkedHashMap<>();
            if (standards != null) {
                standards.forEach((k, v) -> {
                    if (v != null) {
                        out.put(k, v);
                    }
                });
            }
            return out;
        }
    }

    /** The files of a form as uploads: name and bytes, whatever type the browser claimed. */
    static List<Upload> uploads(List<MultipartFile> files) {
        if (files == null) {
            return List.of();
        }
        List<Upload> out = new ArrayList<>();
        for (MultipartFile f : files) {
            try {
                out.add(new Upload(f.getOriginalFilename(), f.getBytes()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }
}
