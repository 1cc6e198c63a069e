package cn.taizhang.org.web;

import cn.taizhang.org.DataScope;
import cn.taizhang.org.OrgScopes;
import cn.taizhang.org.OrgUnit;
import cn.taizhang.org.Organisation;
import cn.taizhang.org.Person;
import cn.taizhang.org.Position;
import cn.taizhang.org.Rank;
import cn.taizhang.org.Tenant;
import cn.taizhang.shared.DomainException;
import cn.taizhang.shared.web.Flash;
import cn.taizhang.shared.web.FormErrors;
import jakarta.validation.Valid;
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

/** People: find, create, change, move (by changing the unit), deactivate; AB post backup. */
@Controller
@RequestMapping("/org/people")
class PeoplePages {

    private final Organisation organisation;
    private final OrgScopes scopes;
    private final TenantContext tenants;
    private final MessageSource messages;

    PeoplePages(Organisation organisation, OrgScopes scopes, TenantContext tenants, MessageSource messages) {
        this.organisation = organisation;
        this.scopes = scopes;
        this.tenants = tenants;
        this.messages = messages;
    }

    @ModelAttribute("positions")
    Position[] positions() {
        return Position.values();
    }

    @ModelAttribute("ranks")
    Rank[] ranks() {
        return Rank.values();
    }

    @GetMapping
    String list(@RequestParam(required = false) Long tenant, @RequestParam(required = false) Long unit,
                @RequestParam(required = false) String q, @RequestParam(defaultValue = "false") boolean inactive,
                Model model) {
        DataScope scope = scopes.current();
        Tenant t = tenants.resolve(tenant);
        List<Person> people = organisation.people(scope, t.id(), unit, q, inactive);
        model.addAttribute("tenant", t);
        model.addAttribute("tenantChoices", tenants.choices());
        model.addAttribute("people", people);
        model.addAttribute("units", unitsById(scope, t.id(), people));
        model.addAttribute("unitChoices", organisation.tree(scope, t.id(), false));
        model.addAttribute("selectedUnit", unit);
        model.addAttribute("q", q);
        model.addAttribute("inactive", inactive);
        model.addAttribute("scope", scope);
        return "org/people";
    }

    @GetMapping("/{id}")
    String show(@PathVariable long id, Model model) {
        DataScope scope = scopes.current();
        Person person = organisation.person(scope, id);
        model.addAttribute("person", person);
        model.addAttribute("unit", unitOf(scope, person));
        model.addAttribute("backup", person.backupPersonId() == null ? null
                : organisation.people(scope, person.tenantId(), null, null, true).stream()
                        .filter(p -> p.id() == person.backupPersonId()).findFirst().orElse(null));
        model.addAttribute("memberships", organisation.membershipsOf(scope, id));
        model.addAttribute("groupNames", organisation.tree(scope, person.tenantId(), true).stream()
                .collect(Collectors.toMap(OrgUnit::id, OrgUnit::name)));
        model.addAttribute("scope", scope);
        model.addAttribute("reasonForm", new ReasonForm());
        return "org/person";
    }

    @GetMapping("/new")
    String newPerson(@RequestParam(required = false) Long unit, @RequestParam(required = false) Long tenant,
                     Model model) {
        DataScope scope = scopes.current();
        Tenant t = tenants.resolve(tenant);
        var form = new PersonForm();
        form.setUnitId(unit);
        form.setPosition(Position.STAFF);
        return form(model, scope, t.id(), form, null);
    }

    @PostMapping("/new")
    String create(@RequestParam(required = false) Long tenant, @Valid @ModelAttribute("form") PersonForm form,
                  BindingResult result, Model model, RedirectAttributes redirect, Locale locale) {
        DataScope scope = scopes.current();
        Tenant t = tenants.resolve(tenant);
        if (!result.hasErrors()) {
            try {
                Person created = organisation.createPerson(scope, form.details());
                Flash.say(redirect, messages, locale, "person.created", created.name());
                return "redirect:/org/people/" + created.id();
            } catch (DomainException e) {
                FormErrors.reject(result, e);
            }
        }
        return form(model, scope, t.id(), form, null);
    }

    @GetMapping("/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        DataScope scope = scopes.current();
        Person person = organisation.person(scope, id);
        return form(model, scope, person.tenantId(), PersonForm.of(person), person);
    }

    @PostMapping("/{id}/edit")
    String update(@PathVariable long id, @Valid @ModelAttribute("form") PersonForm form, BindingResult result,
                  Model model, RedirectAttributes redirect, Locale locale) {
        DataScope scope = scopes.current();
        Person person = organisation.person(scope, id);
        if (!result.hasErrors()) {
            try {
                organisation.updatePerson(scope, id, form.getVersion(), form.details(), form.getReason());
                Flash.say(redirect, messages, locale, "person.saved", form.getName());
                return "redirect:/org/people/" + id;
            } catch (DomainException e) {
                FormErrors.reject(result, e);
            }
        }
        return form(model, scope, person.tenantId(), form, person);
    }

    @PostMapping("/{id}/deactivate")
    String deactivate(@PathVariable long id, @Valid @ModelAttribute ReasonForm form, BindingResult result,
                      RedirectAttributes redirect, Locale locale) {
        if (result.hasErrors()) {
            throw DomainException.atField("reason", "error.required.reason");
        }
        organisation.setPersonActive(scopes.current(), id, false, form.getReason());
        Flash.say(redirect, messages, locale, "person.deactivated");
        return "redirect:/org/people/" + id;
    }

    @PostMapping("/{id}/reactivate")
    String reactivate(@PathVariable long id, @Valid @ModelAttribute ReasonForm form, BindingResult result,
                      RedirectAttributes redirect, Locale locale) {
        if (result.hasErrors()) {
            throw DomainException.atField("reason", "error.required.reason");
        }
        organisation.setPersonActive(scopes.current(), id, true, form.getReason());
        Flash.say(redirect, messages, locale, "person.reactivated");
        return "redirect:/org/people/" + id;
    }

    private String form(Model model, DataScope scope, long tenantId, PersonForm form, Person person) {
        model.addAttribute("form", form);
        model.addAttribute("person", person);
        model.addAttribute("unitChoices", organisation.tree(scope, tenantId, false));
        model.addAttribute("backupChoices", organisation.people(scope, tenantId, null, null, false).stream()
                .filter(p -> person == null || p.id() != person.id()).toList());
        return "org/person-form";
    }

    private Map<Long, OrgUnit> unitsById(DataScope scope, long tenantId, List<Person> people) {
        if (scope.selfPersonId() != null) {
            return people.stream().map(p -> unitOf(scope, p)).distinct()
                    .collect(Collectors.toMap(OrgUnit::id, Function.identity()));
        }
        return organisation.tree(scope, tenantId, true).stream()
                .collect(Collectors.toMap(OrgUnit::id, Function.identity()));
    }

    private OrgUnit unitOf(DataScope scope, Person person) {
        return organisation.unitOfPerson(scope, person);
    }
}
