package cn.taizhang.org.web;

import cn.taizhang.org.ContactKind;
import cn.taizhang.org.DataScope;
import cn.taizhang.org.GroupRole;
import cn.taizhang.org.OrgScopes;
import cn.taizhang.org.OrgUnit;
import cn.taizhang.org.Organisation;
import cn.taizhang.org.Person;
import cn.taizhang.org.Tenant;
import cn.taizhang.org.UnitKind;
import cn.taizhang.shared.DomainException;
import cn.taizhang.shared.web.Flash;
import cn.taizhang.shared.web.FormErrors;
import jakarta.validation.Valid;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The org tree: browse, create, change, move, deactivate units; group members; external contacts. */
@Controller
@RequestMapping("/org")
class UnitPages {

    private final Organisation organisation;
    private final OrgScopes scopes;
    private final TenantContext tenants;
    private final MessageSource messages;

    UnitPages(Organisation organisation, OrgScopes scopes, TenantContext tenants, MessageSource messages) {
        this.organisation = organisation;
        this.scopes = scopes;
        this.tenants = tenants;
        this.messages = messages;
    }

    @ModelAttribute("unitKinds")
    List<UnitKind> unitKinds() {
        return Arrays.stream(UnitKind.values()).filter(k -> !k.isRoot()).toList();
    }

    @GetMapping
    String tree(@RequestParam(required = false) Long tenant, @RequestParam(defaultValue = "false") boolean inactive,
                Model model) {
        DataScope scope = scopes.current();
        if (scope.selfPersonId() != null) {
            return "redirect:/org/people/" + scope.selfPersonId();
        }
        Tenant t = tenants.resolve(tenant);
        List<OrgUnit> units = organisation.tree(scope, t.id(), inactive);
        Map<Long, Long> peopleCount = organisation.people(scope, t.id(), null, null, false).stream()
                .collect(Collectors.groupingBy(Person::unitId, Collectors.counting()));
        model.addAttribute("tenant", t);
        model.addAttribute("tenantChoices", tenants.choices());
        model.addAttribute("units", units);
        model.addAttribute("peopleCount", peopleCount);
        model.addAttribute("inactive", inactive);
        model.addAttribute("scope", scope);
        return "org/tree";
    }

    @GetMapping("/units/{id}")
    String unit(@PathVariable long id, Model model) {
        DataScope scope = scopes.current();
        OrgUnit unit = organisation.unit(scope, id);
        List<OrgUnit> tree = organisation.tree(scope, unit.tenantId(), true);
        Map<Long, OrgUnit> byId = tree.stream().collect(Collectors.toMap(OrgUnit::id, Function.identity()));
        model.addAttribute("unit", unit);
        model.addAttribute("ancestors", Arrays.stream(unit.path().split("/")).filter(s -> !s.isEmpty())
                .map(Long::valueOf).filter(a -> a != unit.id()).map(byId::get).filter(java.util.Objects::nonNull).toList());
        model.addAttribute("children", tree.stream().filter(u -> Long.valueOf(unit.id()).equals(u.parentId())).toList());
        model.addAttribute("people", organisation.people(scope, unit.tenantId(), id, null, false).stream()
                .filter(p -> p.unitId() == id).toList());
        model.addAttribute("members", unit.kind().isGroup() ? organisation.members(scope, id, true) : List.of());
        model.addAttribute("contacts", organisation.contacts(scope, id));
        model.addAttribute("scope", scope);
        if (!model.containsAttribute("memberForm")) {
            model.addAttribute("memberForm", new MemberForm());
        }
        if (!model.containsAttribute("contactForm")) {
            model.addAttribute("contactForm", new ContactForm());
        }
        model.addAttribute("candidates", unit.kind().isGroup() && scope.mayEditPeople()
                ? organisation.people(scope, unit.tenantId(), null, null, false) : List.of());
        model.addAttribute("groupRoles", GroupRole.values());
        model.addAttribute("contactKinds", ContactKind.values());
        model.addAttribute("reasonForm", new ReasonForm());
        return "org/unit";
    }

    @GetMapping("/units/new")
    String newUnit(@RequestParam long parent, Model model) {
        OrgUnit parentUnit = organisation.unit(scopes.current(), parent);
        var form = new UnitForm();
        form.setParentId(parentUnit.id());
        model.addAttribute("form", form);
        model.addAttribute("parent", parentUnit);
        return "org/unit-form";
    }

    @PostMapping("/units/new")
    String createUnit(@Valid @ModelAttribute("form") UnitForm form, BindingResult result, Model model,
                      RedirectAttributes redirect, Locale locale) {
        DataScope scope = scopes.current();
        OrgUnit parent = organisation.unit(scope, form.getParentId());
        if (!result.hasErrors()) {
            try {
                OrgUnit created = organisation.createUnit(scope, parent.id(), form.getKind(), form.getCode(),
                        form.getName(), form.getSortOrder());
                Flash.say(redirect, messages, locale, "unit.created", created.name());
                return "redirect:/org/units/" + created.id();
            } catch (DomainException e) {
                FormErrors.reject(result, e);
            }
        }
        model.addAttribute("parent", parent);
        return "org/unit-form";
    }

    @GetMapping("/units/{id}/edit")
    String editUnit(@PathVariable long id, Model model) {
        OrgUnit unit = organisation.unit(scopes.current(), id);
        var form = new UnitForm();
        form.setParentId(unit.parentId());
        form.setKind(unit.kind());
        form.setCode(unit.code());
        form.setName(unit.name());
        form.setSortOrder(unit.sortOrder());
        form.setVersion(unit.version());
        model.addAttribute("form", form);
        model.addAttribute("unit", unit);
        return "org/unit-form";
    }

    @PostMapping("/units/{id}/edit")
    String updateUnit(@PathVariable long id, @Valid @ModelAttribute("form") UnitForm form, BindingResult result,
                      Model model, RedirectAttributes redirect, Locale locale) {
        DataScope scope = scopes.current();
        OrgUnit unit = organisation.unit(scope, id);
        if (!result.hasErrors()) {
            try {
                organisation.updateUnit(scope, id, form.getVersion(), form.getKind(), form.getCode(), form.getName(),
                        form.getSortOrder(), form.getReason());
                Flash.say(redirect, messages, locale, "unit.saved", form.getName());
                return "redirect:/org/units/" + id;
            } catch (DomainException e) {
                FormErrors.reject(result, e);
            }
        }
        model.addAttribute("unit", unit);
        return "org/unit-form";
    }

    @GetMapping("/units/{id}/move")
    String moveForm(@PathVariable long id, Model model) {
        DataScope scope = scopes.current();
        OrgUnit unit = organisation.unit(scope, id);
        model.addAttribute("unit", unit);
        model.addAttribute("targets", organisation.tree(scope, unit.tenantId(), false).stream()
                .filter(u -> !u.path().startsWith(unit.path())).toList());
        model.addAttribute("form", new ReasonForm());
        return "org/move";
    }

    @PostMapping("/units/{id}/move")
    String move(@PathVariable long id, @Valid @ModelAttribute("form") ReasonForm form, BindingResult result,
                Model model, RedirectAttributes redirect, Locale locale) {
        DataScope scope = scopes.current();
        OrgUnit unit = organisation.unit(scope, id);
        if (form.getTargetId() == null) {
            result.rejectValue("targetId", "form.parent.required");
        }
        if (!result.hasErrors()) {
            try {
                organisation.moveUnit(scope, id, form.getTargetId(), form.getReason());
                Flash.say(redirect, messages, locale, "unit.moved", unit.name());
                return "redirect:/org/units/" + id;
            } catch (DomainException e) {
                FormErrors.reject(result, e);
            }
        }
        model.addAttribute("unit", unit);
        model.addAttribute("targets", organisation.tree(scope, unit.tenantId(), false).stream()
                .filter(u -> !u.path().startsWith(unit.path())).toList());
        return "org/move";
    }

    @PostMapping("/units/{id}/deactivate")
    String deactivate(@PathVariable long id, @Valid @ModelAttribute ReasonForm form, BindingResult result,
                      RedirectAttributes redirect, Locale locale) {
        if (result.hasErrors()) {
            throw DomainException.atField("reason", "error.required.reason");
        }
        organisation.deactivateUnit(scopes.current(), id, form.getReason());
        Flash.say(redirect, messages, locale, "unit.deactivated");
        return "redirect:/org/units/" + id;
    }

    @PostMapping("/units/{id}/reactivate")
    String reactivate(@PathVariable long id, @ModelAttribute ReasonForm form, RedirectAttributes redirect,
                      Locale locale) {
        organisation.reactivateUnit(scopes.current(), id, form.getReason());
        Flash.say(redirect, messages, locale, "unit.reactivated");
        return "redirect:/org/units/" + id;
    }

    @PostMapping("/units/{id}/members")
    String addMember(@PathVariable long id, @Valid @ModelAttribute MemberForm memberForm, BindingResult result,
                     RedirectAttributes redirect, Locale locale) {
        if (!result.hasErrors()) {
            try {
                organisation.addMember(scopes.current(), id, memberForm.getPersonId(), memberForm.getRole(),
                        memberForm.getBasis(), memberForm.getBasisNote(), memberForm.getTermEnd());
                Flash.say(redirect, messages, locale, "group.memberAddedFlash");
                return "redirect:/org/units/" + id;
            } catch (DomainException e) {
                FormErrors.reject(result, e);
            }
        }
        return backToUnitWithErrors(id, "memberForm", memberForm, result, redirect);
    }

    @PostMapping("/units/{id}/members/{membershipId}/end")
    String endMember(@PathVariable long id, @PathVariable long membershipId, @Valid @ModelAttribute ReasonForm form,
                     BindingResult result, RedirectAttributes redirect, Locale locale) {
        if (result.hasErrors()) {
            throw DomainException.atField("reason", "error.required.reason");
        }
        organisation.endMembership(scopes.current(), id, membershipId, form.getReason());
        Flash.say(redirect, messages, locale, "group.memberEndedFlash");
        return "redirect:/org/units/" + id;
    }

    @PostMapping("/units/{id}/contacts")
    String addContact(@PathVariable long id, @Valid @ModelAttribute ContactForm contactForm, BindingResult result,
                      RedirectAttributes redirect, Locale locale) {
        if (!result.hasErrors()) {
            try {
                organisation.addContact(scopes.current(), id, contactForm.getKind(), contactForm.getName(),
                        contactForm.getOrganisation(), contactForm.getPhone());
                Flash.say(redirect, messages, locale, "contact.addedFlash", contactForm.getName());
                return "redirect:/org/units/" + id;
            } catch (DomainException e) {
                FormErrors.reject(result, e);
            }
        }
        return backToUnitWithErrors(id, "contactForm", contactForm, result, redirect);
    }

    @PostMapping("/units/{id}/contacts/{contactId}/deactivate")
    String deactivateContact(@PathVariable long id, @PathVariable long contactId, @Valid @ModelAttribute ReasonForm form,
                             BindingResult result, RedirectAttributes redirect, Locale locale) {
        if (result.hasErrors()) {
            throw DomainException.atField("reason", "error.required.reason");
        }
        organisation.deactivateContact(scopes.current(), id, contactId, form.getReason());
        Flash.say(redirect, messages, locale, "contact.deactivatedFlash");
        return "redirect:/org/units/" + id;
    }

    /** The unit page holds several small forms; a refused one comes back filled in, with its errors. */
    private static String backToUnitWithErrors(long unitId, String formName, Object form, BindingResult result,
                                               RedirectAttributes redirect) {
        redirect.addFlashAttribute(BindingResult.MODEL_KEY_PREFIX + formName, result);
        redirect.addFlashAttribute(formName, form);
        return "redirect:/org/units/" + unitId;
    }
}
