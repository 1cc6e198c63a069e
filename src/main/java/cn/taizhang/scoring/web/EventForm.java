package cn.taizhang.scoring.web;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;

/** A proposed score event, as the proposer's page submits it. Subjects are "PERSON:12", "UNIT:7", ... */
public class EventForm implements Serializable {

    @NotBlank(message = "{scoring.form.itemRequired}")
    private String itemCode;
    @NotEmpty(message = "{scoring.subjects.required}")
    private List<String> subjects = new ArrayList<>();
    private boolean deduct = true;
    @DecimalMin(value = "0", message = "{scoring.form.pointsPositive}")
    private BigDecimal points;
    private boolean fullMarks;
    private Integer occurrences;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate occurredOn;
    @NotBlank(message = "{scoring.reason.required}")
    @Size(max = 1000, message = "{scoring.form.tooLong}")
    private String reason;
    @Size(max = 2000, message = "{scoring.form.tooLong}")
    private String evidence;
    private Long articleId;
    private String idempotencyKey;

    public String getItemCode() { return itemCode; }
    public void setItemCode(String itemCode) { this.itemCode = itemCode; }
    public List<String> getSubjects() { return subjects; }
    public void setSubjects(List<String> subjects) { this.subjects = subjects; }
    public boolean isDeduct() { return deduct; }
    public void setDeduct(boolean deduct) { this.deduct = deduct; }
    public BigDecimal getPoints() { return points; }
    public void setPoints(BigDecimal points) { this.points = points; }
    public boolean isFullMarks() { return fullMarks; }
    public void setFullMarks(boolean fullMarks) { this.fullMarks = fullMarks; }
    public Integer getOccurrences() { return occurrences; }
    public void setOccurrences(Integer occurrences) { this.occurrences = occurrences; }
    public LocalDate getOccurredOn() { return occurredOn; }
    public void setOccurredOn(LocalDate occurredOn) { this.occurredOn = occurredOn; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
    public String getEvidence() { return evidence; }
    public void setEvidence(String evidence) { this.evidence = evidence; }
    public Long getArticleId() { return articleId; }
    public void setArticleId(Long articleId) { this.articleId = articleId; }
    public String getIdempotencyKey() { return idempotencyKey; }
    public void setIdempotencyKey(String idempotencyKey) { this.idempotencyKey = idempotencyKey; }
}
