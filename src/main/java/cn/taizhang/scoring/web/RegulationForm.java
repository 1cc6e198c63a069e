package cn.taizhang.scoring.web;

import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/** A regulation (code, title, version, effective dates) or, with a regulation id, one of its articles. */
public class RegulationForm implements Serializable {

    private Long regulationId;
    @Size(max = 40, message = "{scoring.form.tooLong}")
    private String code;
    @Size(max = 200, message = "{scoring.form.tooLong}")
    private String title;
    private Integer version = 1;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate effectiveFrom;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate effectiveTo;
    @Size(max = 30, message = "{scoring.form.tooLong}")
    private String number;
    @Size(max = 2000, message = "{scoring.form.tooLong}")
    private String text;

    public Long getRegulationId() { return regulationId; }
    public void setRegulationId(Long regulationId) { this.regulationId = regulationId; }
    public String getCode() { return code; }
    public void setCode(String code) { this.code = code; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public Integer getVersion() { return version; }
    public void setVersion(Integer version) { this.version = version; }
    public LocalDate getEffectiveFrom() { return effectiveFrom; }
    public void setEffectiveFrom(LocalDate effectiveFrom) { this.effectiveFrom = effectiveFrom; }
    public LocalDate getEffectiveTo() { return effectiveTo; }
    public void setEffectiveTo(LocalDate effectiveTo) { this.effectiveTo = effectiveTo; }
    public String getNumber() { return number; }
    public void setNumber(String number) { this.number = number; }
    public String getText() { return text; }
    public void setText(String text) { this.text = text; }
}
