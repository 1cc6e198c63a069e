package cn.taizhang.scoring.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.math.BigDecimal;

/** A decision that must say why: reject, correct (with the new points), appeal, decide an appeal. */
public class ScoringReasonForm implements Serializable {

    @NotBlank(message = "{scoring.reason.required}")
    @Size(max = 1000, message = "{scoring.form.tooLong}")
    private String reason;
    private BigDecimal points;
    private boolean upheld;

    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
    public BigDecimal getPoints() { return points; }
    public void setPoints(BigDecimal points) { this.points = points; }
    public boolean isUpheld() { return upheld; }
    public void setUpheld(boolean upheld) { this.upheld = upheld; }
}
