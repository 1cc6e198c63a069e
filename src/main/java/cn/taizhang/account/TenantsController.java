package cn.taizhang.account;

import cn.taizhang.account.AccountForms.NewTenant;
import cn.taizhang.account.AccountForms.Reason;
import cn.taizhang.org.Tenant;
import cn.taizhang.org.TenantKind;
import cn.taizhang.shared.CurrentUser;
import cn.taizhang.shared.DomainException;
import jakarta.validation.Valid;
import java.util.Locale;
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

/** The system administrator's pages: the tenants as county → townships, new tenants, deactivation. */
@Controller
@RequestMapping("/tenants")
@PreAuthorize("hasRole('SYSTEM_ADMIN')")
class TenantsController {

    private final TenantAdministration administration;
    private final MessageSource messages;

    TenantsController(TenantAdministration administration, MessageSource messages) {
        this.administration = administration;
        this.messages = messages;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("tenantForm", new NewTenant());
        return listPage(model);
    }

    @PostMapping
    String create(@Valid @ModelAttribute("tenantForm") NewTenant form, BindingResult binding, Model model,
                  RedirectAttributes redirect, Locale locale) {
        if (binding.hasErrors()) {
            return listPage(model);
        }
        Tenant created;
        try {
            created = administration.create(CurrentUser.require(), form.getKind(), form.getCode(), form.getName(),
                    form.getParentId());
        } catch (DomainException e) {
            AccountForms.reject(binding, e);
            return listPage(model);
        }
        redirect.addFlashAttribute("flash", messages.getMessage("tenants.flash.created",
                new Object[] {created.name()}, locale));
        return "redirect:/tenants";
    }

    private String listPage(Model model) {
        CurrentUser me = CurrentUser.require();
        model.addAttribute("tree", administration.tree(me));
        model.addAttribute("counties", administration.counties(me));
        model.addAttribute("kinds", TenantKind.values());
        return "account/tenants";
    }

    @GetMapping("/{id}")
    String detail(@PathVariable long id, Model model) {
        model.addAttribute("statusForm", new Reason());
        return detailPage(id, model);
    }

    @PostMapping("/{id}/deactivate")
    String deactivate(@PathVariable long id, @Valid @ModelAttribute("statusForm") Reason form, BindingResult binding,
                      Model model, RedirectAttributes redirect, Locale locale) {
        return setActive(id, false, form, binding, model, redirect, locale);
    }

    @PostMapping("/{id}/reactivate")
    String reactivate(@PathVariable long id, @Valid @ModelAttribute("statusForm") Reason form, BindingResult binding,
                      Model model, RedirectAttributes redirect, Locale locale) {
        return setActive(id, true, form, binding, model, redirect, locale);
    }

    private String setActive(long id, boolean active, Reason form, BindingResult binding, Model model,
                             RedirectAttributes redirect, Locale locale) {
        Tenant t = administration.require(CurrentUser.require(), id);
        if (binding.hasErrors()) {
            return detailPage(id, model);
        }
        try {
            administration.setActive(CurrentUser.require(), id, active, form.getReason());
        } catch (DomainException e) {
            AccountForms.reject(binding, e);
            return detailPage(id, model);
        }
        redirect.addFlashAttribute("flash", messages.getMessage(
                active ? "tenants.flash.reactivated" : "tenants.flash.deactivated", new Object[] {t.name()}, locale));
        return "redirect:/tenants/" + id;
    }

    private String detailPage(long id, Model model) {
        CurrentUser me = CurrentUser.require();
        Tenant t = administration.require(me, id);
        model.addAttribute("tenant", t);
        model.addAttribute("parent", t.parentId() == null ? null : administration.require(me, t.parentId()));
        model.addAttribute("children", administration.tree(me).stream()
                .filter(n -> n.tenant().id() == id).findFirst().map(TenantAdministration.Node::children)
                .orElse(java.util.List.of()));
        return "account/tenant";
    }
}
