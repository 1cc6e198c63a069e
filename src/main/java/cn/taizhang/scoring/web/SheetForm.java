package cn.taizhang.scoring.web;

import cn.taizhang.scoring.RatingSheets.RaterKind;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.io.Serializable;
import java.math.BigDecimal;

/** A rating sheet entered by the discipline or organisation office. Component is "assessment/component". */
public class SheetForm implements Serializable {

    @NotBlank(message = "{scoring.form.componentRequired}")
    private String component;
    @NotBlank(message = "{scoring.form.cycleRequired}")
    private String cycle;
    @NotNull(message = "{scoring.sheet.raterRequired}")
    private RaterKind raterKind = RaterKind.BALLOT;
    @NotBlank(message = "{scoring.sheet.raterRequired}")
    private String raterRef;
    @NotBlank(message = "{scoring.form.groupRequired}")
    private String raterGroup;
    @NotBlank(message = "{scoring.sheet.rateeRequired}")
    private String ratee;
    @NotNull(message = "{scoring.form.scoreRequired}")
    private BigDecimal score;
    private String comment;
    private String idempotencyKey;

    public String getComponent() { return component; }
    public void setComponent(String component) { this.component = component; }
    public String getCycle() { return cycle; }
    public void setCycle(String cycle) { this.cycle = cycle; }
    public RaterKind getRaterKind() { return raterKind; }
    public void setRaterKind(RaterKind raterKind) { this.raterKind = raterKind; }
    public String getRaterRef() { return raterRef; }
    public void setRaterRef(String raterRef) { this.raterRef = raterRef; }
    public String getRaterGroup() { return raterGroup; }
    public void setRaterGroup(String raterGroup) { this.raterGroup = raterGroup; }
    public String getRatee() { return ratee; }
    public void setRatee(String ratee) { this.ratee = ratee; }
    public BigDecimal getScore() { return score; }
    public void setScore(BigDecimal score) { this.score = score; }
    public String getComment() { return comment; }
    public void setComment(String comment) { this.comment = comment; }
    public String getIdempotencyKey() { return idempotencyKey; }
    public void setIdempotencyKey(String idempotencyKey) { this.idempotencyKey = idempotencyKey; }
}
