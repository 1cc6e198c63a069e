package cn.taizhang.account;

import cn.taizhang.org.TenantKind;
import cn.taizhang.shared.AccessDeniedException;
import cn.taizhang.shared.DomainException;
import cn.taizhang.shared.NotFoundException;
import cn.taizhang.shared.Role;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.beans.BeanWrapperImpl;
import org.springframework.validation.BindingResult;

/** The forms of the administrators' pages and of the own-account page. */
final class AccountForms {

    private AccountForms() {
    }

    /**
     * Shows a refused rule at the form field it names, or above the form when it names none (or a
     * field the form does not have). "Not found" and "not allowed" are not form errors: they go on.
     */
    static void reject(BindingResult binding, DomainException e) {
        if (e instanceof NotFoundException || e instanceof AccessDeniedException) {
            throw e;
        }
        if (e.field() != null && new BeanWrapperImpl(binding.getTarget()).isReadableProperty(e.field())) {
            binding.rejectValue(e.field(), e.messageKey(), e.args(), null);
        } else {
            binding.reject(e.messageKey(), e.args(), null);
        }
    }

    /** A new account. */
    static class NewAccount {
        @NotBlank(message = "{account.usernameRequired}")
        @Size(max = 50, message = "{account.usernameTooLong}")
        @Pattern(regexp = "[A-Za-z0-9._-]*", message = "{account.usernameChars}")
        private String username;
        @NotBlank(message = "{account.displayNameRequired}")
        @Size(max = 50, message = "{account.displayNameTooLong}")
        private String displayName;
        @NotNull(message = "{account.tenantRequired}")
        private Long tenantId;
        private Set<Role> roles = new LinkedHashSet<>();
        private Long personId;
        private Long scopeUnitId;
        @NotBlank(message = "{password.required}")
        private String password;

        public String getUsername() { return username; }
        public void setUsername(String username) { this.username = username; }
        public String getDisplayName() { return displayName; }
        public void setDisplayName(String displayName) { this.displayName = displayName; }
        public Long getTenantId() { return tenantId; }
        public void setTenantId(Long tenantId) { this.tenantId = tenantId; }
        public Set<Role> getRoles() { return roles; }
        public void setRoles(Set<Role> roles) { this.roles = roles == null ? new LinkedHashSet<>() : roles; }
        public Long getPersonId() { return personId; }
        public void setPersonId(Long personId) { this.personId = personId; }
        public Long getScopeUnitId() { return scopeUnitId; }
        public void setScopeUnitId(Long scopeUnitId) { this.scopeUnitId = scopeUnitId; }
        public String getPassword() { return password; }
        public void setPassword(String password) { this.password = password; }
    }

    /** Roles, person and scope unit of an existing account. */
    static class RolesChange {
        private Set<Role> roles = new LinkedHashSet<>();
        private Long personId;
        private Long scopeUnitId;
        @NotBlank(message = "{error.required.reason}")
        @Size(max = 500, message = "{account.reasonTooLong}")
        private String reason;

        static RolesChange of(Account a) {
            RolesChange f = new RolesChange();
            f.roles = new LinkedHashSet<>(a.roles());
            f.personId = a.personId();
            f.scopeUnitId = a.scopeUnitId();
            return f;
        }

        public Set<Role> getRoles() { return roles; }
        public void setRoles(Set<Role> roles) { this.roles = roles == null ? new LinkedHashSet<>() : roles; }
        public Long getPersonId() { return personId; }
        public void setPersonId(Long personId) { this.personId = personId; }
        public Long getScopeUnitId() { return scopeUnitId; }
        public void setScopeUnitId(Long scopeUnitId) { this.scopeUnitId = scopeUnitId; }
        public String getReason() { return reason; }
        public void setReason(String reason) { this.reason = reason; }
    }

    /** The reason an administrator gives for an action (unlock, reset, disable, deactivate …). */
    static class Reason {
        @NotBlank(message = "{error.required.reason}")
        @Size(max = 500, message = "{account.reasonTooLong}")
        private String reason;

        public String getReason() { return reason; }
        public void setReason(String reason) { this.reason = reason; }
    }

    /** The user's own new password. */
    static class PasswordChange {
        @NotBlank(message = "{password.currentRequired}")
        private String currentPassword;
        @NotBlank(message = "{password.required}")
        private String newPassword;
        @NotBlank(message = "{password.repeatRequired}")
        private String repeatPassword;

        public String getCurrentPassword() { return currentPassword; }
        public void setCurrentPassword(String currentPassword) { this.currentPassword = currentPassword; }
        public String getNewPassword() { return newPassword; }
        public void setNewPassword(String newPassword) { this.newPassword = newPassword; }
        public String getRepeatPassword() { return repeatPassword; }
        public void setRepeatPassword(String repeatPassword) { this.repeatPassword = repeatPassword; }
    }

    /** A new county, township or county department. */
    static class NewTenant {
        @NotNull(message = "{tenants.kindRequired}")
        private TenantKind kind;
        @NotBlank(message = "{error.required.code}")
        @Size(max = 40, message = "{tenants.codeTooLong}")
        @Pattern(regexp = "[a-z0-9-]*", message = "{tenants.codeChars}")
        private String code;
        @NotBlank(message = "{error.required.name}")
        @Size(max = 100, message = "{tenants.nameTooLong}")
        private String name;
        private Long parentId;

        public TenantKind getKind() { return kind; }
        public void setKind(TenantKind kind) { this.kind = kind; }
        public String getCode() { return code; }
        public void setCode(String code) { this.code = code; }
        public String getName() { return name; }
        public void setName(String name) { this.name = name; }
        public Long getParentId() { return parentId; }
        public void setParentId(Long parentId) { this.parentId = parentId; }
    }
}
