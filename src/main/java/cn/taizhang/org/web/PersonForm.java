package cn.taizhang.org.web;

import cn.taizhang.org.Organisation.PersonDetails;
import cn.taizhang.org.Person;
import cn.taizhang.org.Position;
import cn.taizhang.org.Rank;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Creating or changing a person. */
public class PersonForm {

    @NotNull(message = "{form.unit.required}")
    private Long unitId;
    @NotBlank(message = "{error.required.code}")
    @Size(max = 40, message = "{form.tooLong}")
    private String code;
    @NotBlank(message = "{error.required.name}")
    @Size(max = 50, message = "{form.tooLong}")
    private String name;
    private String gender;
    @NotNull(message = "{person.positionRequired}")
    private Position position;
    @Size(max = 100, message = "{form.tooLong}")
    private String title;
    private Rank rank = Rank.NONE;
    @Pattern(regexp = "^$|^[0-9+\\- ]{5,30}$", message = "{form.phone.invalid}")
    private String phone;
    private Long backupPersonId;
    private int version;
    @Size(max = 500, message = "{form.tooLong}")
    private String reason;

    static PersonForm of(Person p) {
        var f = new PersonForm();
        f.unitId = p.unitId();
        f.code = p.code();
        f.name = p.name();
        f.gender = p.gender();
        f.position = p.position();
        f.title = p.title();
        f.rank = p.rank();
        f.phone = p.phone();
        f.backupPersonId = p.backupPersonId();
        f.version = p.version();
        return f;
    }

    PersonDetails details() {
        return new PersonDetails(unitId, code, name, gender, position, title, rank, phone, backupPersonId);
    }

    public Long getUnitId() { return unitId; }
    public void setUnitId(Long unitId) { this.unitId = unitId; }
    public String getCode() { return code; }
    public void setCode(String code) { this.code = code; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getGender() { return gender; }
    public void setGender(String gender) { this.gender = gender; }
    public Position getPosition() { return position; }
    public void setPosition(Position position) { this.position = position; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public Rank getRank() { return rank; }
    public void setRank(Rank rank) { this.rank = rank; }
    public String getPhone() { return phone; }
    public void setPhone(String phone) { this.phone = phone; }
    public Long getBackupPersonId() { return backupPersonId; }
    public void setBackupPersonId(Long backupPersonId) { this.backupPersonId = backupPersonId; }
    public int getVersion() { return version; }
    public void setVersion(int version) { this.version = version; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
}
