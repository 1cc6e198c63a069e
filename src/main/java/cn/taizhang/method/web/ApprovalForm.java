package cn.taizhang.method.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/** The approval basis of a flagged practice: document number, approving body, date. */
public class ApprovalForm {

    @NotBlank(message = "{method.form.flagRequired}")
    @Size(max = 60)
    private String flagCode;

    @NotBlank(message = "{method.form.documentNumberRequired}")
    @Size(max = 100, message = "{method.form.tooLong100}")
    private String documentNumber;

    @NotBlank(message = "{method.form.approvingBodyRequired}")
    @Size(max = 100, message = "{method.form.tooLong100}")
    private String approvingBody;

    @NotNull(message = "{method.form.approvedOnRequired}")
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate approvedOn;

    public String getFlagCode() {
        return flagCode;
    }

    public void setFlagCode(String flagCode) {
        this.flagCode = flagCode;
    }

    public String getDocumentNumber() {
        return documentNumber;
    }

    public void setDocumentNumber(String documentNumber) {
        this.documentNumber = documentNumber;
    }

    public String getApprovingBody() {
        return approvingBody;
    }

    public void setApprovingBody(String approvingBody) {
        this.approvingBody = approvingBody;
    }

    public LocalDate getApprovedOn() {
        return approvedOn;
    }

    public void setApprovedOn(LocalDate approvedOn) {
        this.approvedOn = approvedOn;
    }
}
