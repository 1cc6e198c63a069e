package cn.taizhang.account;

import cn.taizhang.account.AccountForms.NewAccount;
import cn.taizhang.account.AccountForms.Reason;
import cn.taizhang.account.AccountForms.RolesChange;
import cn.taizhang.org.DataScope;
import cn.taizhang.org.OrgUnit;
import cn.taizhang.org.Organisation;
import cn.taizhang.org.Person;
import cn.taizhang.org.Tenant;
import cn.taizhang.shared.CurrentUser;
import cn.taizhang.shared.DomainException;
import cn.taizhang.shared.Role;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The security administrator's pages: accounts of the tenants in reach. */
@Controller
@RequestMapping("/accounts")
@PreAuthorize("hasRole('SECURITY_ADMIN')")
class AccountsController {

    private final Accounts accounts;
    private final MessageSource messages;
    private final Clock clock;
    private final Organisation organisation;

    AccountsController(Accounts accounts, MessageSource messages, Clock clock, Organisation organisation) {
        this.accounts = accounts;
        this.organisation = organisation;
        this.messages = messages;
        this.clock = clock;
    }

    /** One line of the list. */
    record Row(Account account, String tenantName, boolean locked) {
    }

    @GetMapping
    String list(Model model) {
        CurrentUser me = CurrentUser.require();
        Map<Long, String> names = tenantNames(me);
        Instant now = clock.instant();
        List<Row> rows = accounts.listFor(me).stream()
                .map(a -> new Row(a, names.get(a.tenantId()), a.lockedAt(now))).toList();
        model.addAttribute("rows", rows);
        return "account/accounts";
    }

    @GetMapping("/new")
    String newAccount(Model model) {
        model.addAttribute("accountForm", new NewAccount());
        return newAccountPage(model);
    }

    @PostMapping
    String create(@Valid @ModelAttribute("accountForm") NewAccount form, BindingResult binding, Model model,
                  RedirectAttributes redirect, Locale locale) {
        if (binding.hasErrors()) {
            return newAccountPage(model);
        }
        long id;
        try {
            id = accounts.createBy(CurrentUser.require(), form.getTenantId(), form.getUsername(),
                    form.getDisplayName(), form.getPassword(), form.getPersonId(), form.getRoles(),
                    form.getScopeUnitId());
        } catch (DomainException e) {
            AccountForms.reject(binding, e);
            return newAccountPage(model);
        }
        redirect.addFlashAttribute("flash", messages.getMessage("account.flash.created",
                new Object[] {form.getUsername().trim()}, locale));
        return "redirect:/accounts/" + id;
    }

    /** The people and the manageable units of one tenant, for choosing whom an account belongs to. */
    record Choices(Tenant tenant, List<Person> people, List<OrgUnit> units) {
    }

    private String newAccountPage(Model model) {
        List<Tenant> inReach = accounts.tenantsInReach(CurrentUser.require());
        model.addAttribute("tenants", inReach);
        // Linking an account to its person needs names and posts, nothing more of the business data.
        model.addAttribute("choices", inReach.stream().map(t -> {
            DataScope all = DataScope.wholeTenant(t.id());
            return new Choices(t, organisation.people(all, t.id(), null, null, false),
                    organisation.tree(all, t.id(), false).stream().filter(u -> !u.kind().isRoot()).toList());
        }).filter(c -> !c.people().isEmpty() || !c.units().isEmpty()).toList());
        model.addAttribute("allRoles", Role.values());
        return "account/account-new";
    }

    @GetMapping("/{id}")
    String detail(@PathVariable long id, Model model) {
        return detailPage(id, model);
    }

    @PostMapping("/{id}/unlock")
    String unlock(@PathVariable long id, @Valid @ModelAttribute("unlockForm") Reason form, BindingResult binding,
                  Model model, RedirectAttributes redirect, Locale locale) {
        return act(id, binding, model, redirect, locale, "account.flash.unlocked",
                me -> accounts.unlock(me, id, form.getReason()));
    }

    @PostMapping("/{id}/password-reset")
    String resetPassword(@PathVariable long id, @Valid @ModelAttribute("resetForm") Reason form,
                         BindingResult binding, Model model, RedirectAttributes redirect, Locale locale) {
        return act(id, binding, model, redirect, locale, "account.flash.passwordReset",
                me -> redirect.addFlashAttribute("temporaryPassword", accounts.resetPassword(me, id, form.getReason())));
    }

    @PostMapping("/{id}/disable")
    String disable(@PathVariable long id, @Valid @ModelAttribute("statusForm") Reason form, BindingResult binding,
                   Model model, RedirectAttributes redirect, Locale locale) {
        return act(id, binding, model, redirect, locale, "account.flash.disabled",
                me -> accounts.setEnabled(me, id, false, form.getReason()));
    }

    @PostMapping("/{id}/enable")
    String enable(@PathVariable long id, @Valid @ModelAttribute("statusForm") Reason form, BindingResult binding,
                  Model model, RedirectAttributes redirect, Locale locale) {
        return act(id, binding, model, redirect, locale, "account.flash.enabled",
                me -> accounts.setEnabled(me, id, true, form.getReason()));
    }

    @PostMapping("/{id}/roles")
    String changeRoles(@PathVariable long id, @Valid @ModelAttribute("rolesForm") RolesChange form,
                       BindingResult binding, Model model, RedirectAttributes redirect, Locale locale) {
        return act(id, binding, model, redirect, locale, "account.flash.rolesChanged",
                me -> accounts.changeRoles(me, id, form.getRoles(), form.getPersonId(), form.getScopeUnitId(),
                        form.getReason()));
    }

    private interface Action {
        void run(CurrentUser me);
    }

    /** Runs an action of the detail page: back to the page with the error, or redirect with a message. */
    private String act(long id, BindingResult binding, Model model, RedirectAttributes redirect, Locale locale,
                       String flashKey, Action action) {
        CurrentUser me = CurrentUser.require();
        Account account = accounts.requireInReach(me, id);
        if (binding.hasErrors()) {
            return detailPage(id, model);
        }
        try {
            action.run(me);
        } catch (DomainException e) {
            AccountForms.reject(binding, e);
            return detailPage(id, model);
        }
        redirect.addFlashAttribute("flash", messages.getMessage(flashKey, new Object[] {account.username()}, locale));
        return "redirect:/accounts/" + id;
    }

    private String detailPage(long id, Model model) {
        CurrentUser me = CurrentUser.require();
        Account account = accounts.requireInReach(me, id);
        model.addAttribute("account", account);
        model.addAttribute("tenantName", tenantNames(me).get(account.tenantId()));
        model.addAttribute("locked", account.lockedAt(clock.instant()));
        model.addAttribute("person", account.personId() == null ? null
                : organisation.findPersonInTenant(account.tenantId(), account.personId()).orElse(null));
        model.addAttribute("scopeUnit", account.scopeUnitId() == null ? null
                : organisation.findUnitInTenant(account.tenantId(), account.scopeUnitId()).orElse(null));
        model.addAttribute("self", account.id() == me.accountId());
        model.addAttribute("allRoles", Role.values());
        for (String form : List.of("unlockForm", "resetForm", "statusForm")) {
            if (!model.containsAttribute(form)) {
                model.addAttribute(form, new Reason());
            }
        }
        if (!model.containsAttribute("rolesForm")) {
            model.addAttribute("rolesForm", RolesChange.of(account));
        }
        return "account/account";
    }

    private Map<Long, String> tenantNames(CurrentUser me) {
        Map<Long, String> names = new LinkedHashMap<>();
        for (Tenant t : accounts.tenantsInReach(me)) {
            names.put(t.id(), t.name());
        }
        return names;
    }
}
