package cn.taizhang.org.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** An action that must say why: deactivation, moving, ending a membership. */
public class ReasonForm {

    private Long targetId;
    @NotBlank(message = "{error.required.reason}")
    @Size(max = 500, message = "{form.tooLong}")
    private String reason;

    public Long getTargetId() { return targetId; }
    public void setTargetId(Long targetId) { this.targetId = targetId; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
}
