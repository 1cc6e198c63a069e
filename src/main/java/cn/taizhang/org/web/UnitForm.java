package cn.taizhang.org.web;

import cn.taizhang.org.UnitKind;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Creating or changing a unit. */
public class UnitForm {

    private Long parentId;
    @NotNull(message = "{form.kind.required}")
    private UnitKind kind;
    @NotBlank(message = "{error.required.code}")
    @Size(max = 40, message = "{form.tooLong}")
    private String code;
    @NotBlank(message = "{error.required.name}")
    @Size(max = 100, message = "{form.tooLong}")
    private String name;
    private int sortOrder;
    private int version;
    @Size(max = 500, message = "{form.tooLong}")
    private String reason;

    public Long getParentId() { return parentId; }
    public void setParentId(Long parentId) { this.parentId = parentId; }
    public UnitKind getKind() { return kind; }
    public void setKind(UnitKind kind) { this.kind = kind; }
    public String getCode() { return code; }
    public void setCode(String code) { this.code = code; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public int getSortOrder() { return sortOrder; }
    public void setSortOrder(int sortOrder) { this.sortOrder = sortOrder; }
    public int getVersion() { return version; }
    public void setVersion(int version) { this.version = version; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
}
