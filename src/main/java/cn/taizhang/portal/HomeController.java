package cn.taizhang.portal;

import cn.taizhang.method.TenantMethods;
import cn.taizhang.org.DataScope;
import cn.taizhang.org.OrgScopes;
import cn.taizhang.org.OrgUnit;
import cn.taizhang.org.Organisation;
import cn.taizhang.org.Person;
import cn.taizhang.org.Tenants;
import cn.taizhang.org.UnitKind;
import cn.taizhang.shared.CurrentUser;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Each role's home page: the township, its method and its organisation at a glance for the
 * township's own people; the administrators' tasks for the three administrators.
 */
@Controller
class HomeController {

    private final Tenants tenants;
    private final Organisation organisation;
    private final OrgScopes scopes;
    private final TenantMethods methods;

    HomeController(Tenants tenants, Organisation organisation, OrgScopes scopes, TenantMethods methods) {
        this.tenants = tenants;
        this.organisation = organisation;
        this.scopes = scopes;
        this.methods = methods;
    }

    @GetMapping("/")
    String home(Model model) {
        CurrentUser me = CurrentUser.require();
        model.addAttribute("roleList", me.roles().stream().sorted().toList());
        model.addAttribute("roles", me.roles().stream().map(Enum::name).toList());
        model.addAttribute("tenant", tenants.find(me.tenantId()).orElseThrow());
        boolean administrator = me.roles().stream().allMatch(r -> r.isAdministrator());
        model.addAttribute("administrator", administrator);
        if (administrator) {
            return "portal/home";
        }
        DataScope scope = scopes.of(me);
        model.addAttribute("method", methods.active(me.tenantId()).orElse(null));
        if (me.personId() != null) {
            Person self = organisation.person(scope, me.personId());
            model.addAttribute("self", self);
            model.addAttribute("selfUnit", organisation.unitOfPerson(scope, self));
        }
        List<OrgUnit> units = organisation.tree(scope, me.tenantId(), false);
        Map<UnitKind, Long> unitsByKind = units.stream().filter(u -> !u.kind().isRoot())
                .collect(Collectors.groupingBy(OrgUnit::kind, TreeMap::new, Collectors.counting()));
        model.addAttribute("unitsByKind", unitsByKind);
        model.addAttribute("peopleCount", organisation.people(scope, me.tenantId(), null, null, false).size());
        model.addAttribute("scopeUnit", me.scopeUnitId() == null ? null : organisation.unit(scope, me.scopeUnitId()));
        return "portal/home";
    }
}
