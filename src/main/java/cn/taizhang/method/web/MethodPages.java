package cn.taizhang.method.web;

import cn.taizhang.method.InvalidMethodException;
import cn.taizhang.method.MethodCatalog;
import cn.taizhang.method.MethodCompliance;
import cn.taizhang.method.MethodVersion;
import cn.taizhang.method.Preset;
import cn.taizhang.method.TenantMethods;
import cn.taizhang.org.Tenants;
import cn.taizhang.shared.CurrentUser;
import cn.taizhang.shared.DomainException;
import cn.taizhang.shared.NotFoundException;
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

/**
 * The method card (方法卡) of the tenant, the presets, the tenant's versions and the compliance
 * approvals. The tenant is always the signed-in user's; no request parameter chooses it.
 */
@Controller
@RequestMapping("/method")
@PreAuthorize("hasAnyRole('COUNTY_ADMIN','LEADERSHIP','DISCIPLINE','GROUP_LEADER','STAFF','VILLAGE_CADRE')")
class MethodPages {

    static final String EDITORS = "hasAnyRole('COUNTY_ADMIN','LEADERSHIP')";

    private final TenantMethods methods;
    private final MethodCatalog catalog;
    private final MethodCompliance compliance;
    private final Tenants tenants;
    private final MethodViews views;
    private final MessageSource messages;

    MethodPages(TenantMethods methods, MethodCatalog catalog, MethodCompliance compliance, Tenants tenants,
                MethodViews views, MessageSource messages) {
        this.methods = methods;
        this.catalog = catalog;
        this.compliance = compliance;
        this.tenants = tenants;
        this.views = views;
        this.messages = messages;
    }

    private static long tenant() {
        return CurrentUser.require().tenantId();
    }

    private boolean canEdit() {
        return CurrentUser.require().hasAny(cn.taizhang.shared.Role.COUNTY_ADMIN, cn.taizhang.shared.Role.LEADERSHIP);
    }

    @GetMapping
    String card(Model model, Locale locale) {
        long tenantId = tenant();
        model.addAttribute("tenant", tenants.find(tenantId).orElseThrow(() -> new NotFoundException("tenant", tenantId)));
        model.addAttribute("canEdit", canEdit());
        model.addAttribute("fmt", views.format(locale));
        methods.active(tenantId).ifPresent(v -> {
            model.addAttribute("version", v);
            model.addAttribute("d", v.definition());
            model.addAttribute("flags", views.states(compliance.states(tenantId, v.flags()), locale));
        });
        return "method/card";
    }

    @GetMapping("/presets")
    String presets(Model model) {
        model.addAttribute("presets", catalog.presets());
        model.addAttribute("canEdit", canEdit());
        model.addAttribute("presetForm", new PresetForm());
        return "method/presets";
    }

    @GetMapping("/presets/{code}")
    String preset(@PathVariable String code, Model model, Locale locale) {
        Preset preset = catalog.preset(code).orElseThrow(() -> new NotFoundException("preset", code));
        model.addAttribute("preset", preset);
        model.addAttribute("d", preset.definition());
        model.addAttribute("flags", views.presetFlags(preset.flags(), locale));
        model.addAttribute("fmt", views.format(locale));
        model.addAttribute("canEdit", canEdit());
        return "method/card";
    }

    @GetMapping("/versions")
    @PreAuthorize(EDITORS)
    String versions(Model model) {
        model.addAttribute("versions", methods.versions(tenant()));
        model.addAttribute("presets", catalog.presets());
        model.addAttribute("presetForm", new PresetForm());
        return "method/versions";
    }

    @PostMapping("/versions/preset")
    @PreAuthorize(EDITORS)
    String adoptPreset(@Valid @ModelAttribute("presetForm") PresetForm form, BindingResult result,
                       RedirectAttributes redirect, Locale locale) {
        if (result.hasErrors()) {
            throw new DomainException("method.form.presetRequired");
        }
        MethodVersion v = methods.adoptPreset(tenant(), form.getPresetCode());
        redirect.addFlashAttribute("flash", messages.getMessage("method.flash.adopted",
                new Object[] {v.name(), String.valueOf(v.version())}, locale));
        return "redirect:/method";
    }

    @PostMapping("/versions/{id}/copy")
    @PreAuthorize(EDITORS)
    String copy(@PathVariable long id) {
        MethodVersion draft = methods.copyForEditing(tenant(), id);
        return "redirect:/method/versions/" + draft.id() + "/edit";
    }

    @GetMapping("/versions/{id}/edit")
    @PreAuthorize(EDITORS)
    String edit(@PathVariable long id, Model model) {
        MethodVersion v = methods.version(tenant(), id);
        var form = new DraftForm();
        form.setYaml(v.yaml());
        form.setNote(v.note());
        model.addAttribute("version", v);
        model.addAttribute("draftForm", form);
        return "method/edit";
    }

    @PostMapping("/versions/{id}/edit")
    @PreAuthorize(EDITORS)
    String save(@PathVariable long id, @Valid @ModelAttribute("draftForm") DraftForm form, BindingResult result,
                Model model, RedirectAttributes redirect, Locale locale) {
        MethodVersion v = methods.version(tenant(), id);
        model.addAttribute("version", v);
        if (result.hasErrors()) {
            return "method/edit";
        }
        try {
            methods.saveDraft(tenant(), id, form.getYaml(), form.getNote());
        } catch (InvalidMethodException e) {
            model.addAttribute("problems", views.problems(e.problems(), locale));
            return "method/edit";
        }
        redirect.addFlashAttribute("flash", messages.getMessage("method.flash.saved", null, locale));
        return "redirect:/method/versions/" + id + "/edit";
    }

    @PostMapping("/versions/{id}/adopt")
    @PreAuthorize(EDITORS)
    String adopt(@PathVariable long id, RedirectAttributes redirect, Locale locale) {
        MethodVersion v = methods.adopt(tenant(), id);
        redirect.addFlashAttribute("flash", messages.getMessage("method.flash.adopted",
                new Object[] {v.name(), String.valueOf(v.version())}, locale));
        return "redirect:/method";
    }

    @GetMapping("/compliance")
    String compliancePage(Model model, Locale locale) {
        long tenantId = tenant();
        model.addAttribute("flags", views.states(compliance.report(tenantId), locale));
        model.addAttribute("canEdit", canEdit());
        if (!model.containsAttribute("approvalForm")) {
            model.addAttribute("approvalForm", new ApprovalForm());
        }
        return "method/compliance";
    }

    @PostMapping("/compliance")
    @PreAuthorize(EDITORS)
    String recordApproval(@Valid @ModelAttribute("approvalForm") ApprovalForm form, BindingResult result,
                          Model model, RedirectAttributes redirect, Locale locale) {
        if (result.hasErrors()) {
            return compliancePage(model, locale);
        }
        try {
            compliance.recordApproval(tenant(), form.getFlagCode(), form.getDocumentNumber(), form.getApprovingBody(),
                    form.getApprovedOn());
        } catch (DomainException e) {
            result.reject(e.messageKey(), e.args(), e.messageKey());
            return compliancePage(model, locale);
        }
        redirect.addFlashAttribute("flash", messages.getMessage("method.flash.approvalRecorded",
                new Object[] {form.getFlagCode()}, locale));
        return "redirect:/method/compliance";
    }
}
