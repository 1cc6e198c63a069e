package cn.taizhang.org.web;

import cn.taizhang.org.GroupRole;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/** Adding a person to a group as leader, deputy or member (ORG-3). */
public class MemberForm implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    @NotNull(message = "{form.person.required}")
    private Long personId;
    @NotNull(message = "{form.role.required}")
    private GroupRole role = GroupRole.MEMBER;
    private String basis = "APPOINTED";
    @Size(max = 300, message = "{form.tooLong}")
    private String basisNote;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate termEnd;

    public Long getPersonId() { return personId; }
    public void setPersonId(Long personId) { this.personId = personId; }
    public GroupRole getRole() { return role; }
    public void setRole(GroupRole role) { this.role = role; }
    public String getBasis() { return basis; }
    public void setBasis(String basis) { this.basis = basis; }
    public String getBasisNote() { return basisNote; }
    public void setBasisNote(String basisNote) { this.basisNote = basisNote; }
    public LocalDate getTermEnd() { return termEnd; }
    public void setTermEnd(LocalDate termEnd) { this.termEnd = termEnd; }
}
