package cn.taizhang.method.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The YAML text of a draft and why it was changed. */
public class DraftForm {

    @NotBlank(message = "{method.form.yamlRequired}")
    @Size(max = 500_000, message = "{method.form.yamlTooLong}")
    private String yaml;

    @Size(max = 500, message = "{method.form.noteTooLong}")
    private String note;

    public String getYaml() {
        return yaml;
    }

    public void setYaml(String yaml) {
        this.yaml = yaml;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }
}
