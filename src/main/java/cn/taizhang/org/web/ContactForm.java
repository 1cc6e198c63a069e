package cn.taizhang.org.web;

import cn.taizhang.org.ContactKind;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Adding an external rater (resident, deputy, CPPCC member, business head) to a unit. */
public class ContactForm implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    @NotNull(message = "{contact.kindRequired}")
    private ContactKind kind;
    @NotBlank(message = "{error.required.name}")
    @Size(max = 50, message = "{form.tooLong}")
    private String name;
    @Size(max = 100, message = "{form.tooLong}")
    private String organisation;
    @Pattern(regexp = "^$|^[0-9+\\- ]{5,30}$", message = "{form.phone.invalid}")
    private String phone;

    public ContactKind getKind() { return kind; }
    public void setKind(ContactKind kind) { this.kind = kind; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getOrganisation() { return organisation; }
    public void setOrganisation(String organisation) { this.organisation = organisation; }
    public String getPhone() { return phone; }
    public void setPhone(String phone) { this.phone = phone; }
}
