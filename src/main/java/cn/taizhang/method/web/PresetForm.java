package cn.taizhang.method.web;

import jakarta.validation.constraints.NotBlank;

/** The preset a tenant chooses to adopt. */
public class PresetForm {

    @NotBlank(message = "{method.form.presetRequired}")
    private String presetCode;

    public String getPresetCode() {
        return presetCode;
    }

    public void setPresetCode(String presetCode) {
        this.presetCode = presetCode;
    }
}
