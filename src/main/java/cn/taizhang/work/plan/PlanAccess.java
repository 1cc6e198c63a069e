package cn.taizhang.work.plan;

import cn.taizhang.org.DataScope;
import cn.taizhang.org.OrgScopes;
import cn.taizhang.org.OrgUnit;
import cn.taizhang.org.Organisation;
import cn.taizhang.org.Person;
import cn.taizhang.shared.CurrentUser;
import cn.taizhang.shared.DomainException;
import cn.taizhang.shared.Role;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Who sees and who writes plans, commitments, letters and topics, by role and data scope (ORG-5):
 * everyone of the tenant sees the plans of his own unit and the units above it (the township's annual
 * plan, his group's plans); a group leader or village cadre also those of his subtree and its people;
 * the leadership and the discipline office everything. Writing is for the leadership (the township's
 * plan), the managers of a unit (its plans) and a member himself (his own monthly plan).
 */
@Component
class PlanAccess {

    private final Organisation organisation;
    private final OrgScopes scopes;

    PlanAccess(Organisation organisation, OrgScopes scopes) {
        this.organisation = organisation;
        this.scopes = scopes;
    }

    /** The signed-in user with his data scope and the path of the unit he belongs to. */
    record Viewer(CurrentUser user, DataScope scope, String ownUnitPath) {

        long tenantId() {
            return user.tenantId();
        }

        /** Has business data of his own tenant at all (administrators have none). */
        boolean inTenant() {
            return !scope.isEmpty() && scope.tenantIds().contains(user.tenantId());
        }

        boolean leadership() {
            return inTenant() && user.hasAny(Role.LEADERSHIP, Role.COUNTY_ADMIN);
        }

        boolean readsAll() {
            return leadership() || inTenant() && user.has(Role.DISCIPLINE);
        }

        /** The subtree a group leader or village cadre manages, or null. */
        String managedPath() {
            return inTenant() && user.hasAny(Role.GROUP_LEADER, Role.VILLAGE_CADRE) ? scope.subtreePath() : null;
        }

        Actor actor() {
            return new Actor(user.displayName(), user.personId());
        }
    }

    /** The name the ledger and the journal give the one who acts, and his person if any. */
    record Actor(String name, Long personId) {
    }

    Viewer viewer(CurrentUser user) {
        DataScope scope = scopes.of(user);
        String own = user.personId() == null ? null
                : organisation.findPersonInTenant(user.tenantId(), user.personId())
                .flatMap(p -> organisation.findUnitInTenant(p.tenantId(), p.unitId())).map(OrgUnit::path).orElse(null);
        return new Viewer(user, scope, own);
    }

    /** Throws "access denied" for accounts without business data (administrators). */
    Viewer member(CurrentUser user) {
        Viewer v = viewer(user);
        if (!v.inTenant()) {
            throw new cn.taizhang.shared.AccessDeniedException();
        }
        return v;
    }

    boolean seesUnit(Viewer v, OrgUnit unit) {
        if (!v.inTenant() || unit.tenantId() != v.tenantId()) {
            return false;
        }
        return v.readsAll() || v.scope().covers(unit)
                || v.ownUnitPath() != null && v.ownUnitPath().startsWith(unit.path());
    }

    boolean seesPerson(Viewer v, Person person) {
        if (!v.inTenant() || person.tenantId() != v.tenantId()) {
            return false;
        }
        return v.readsAll() || v.scope().covers(person, unitOf(person));
    }

    boolean managesUnit(Viewer v, OrgUnit unit) {
        if (!v.inTenant() || unit.tenantId() != v.tenantId()) {
            return false;
        }
        String managed = v.managedPath();
        return v.leadership() || managed != null && unit.path().startsWith(managed);
    }

    boolean managesPerson(Viewer v, Person person) {
        return person.tenantId() == v.tenantId() && managesUnit(v, unitOf(person));
    }

    OrgUnit unitOf(Person person) {
        return organisation.findUnitInTenant(person.tenantId(), person.unitId()).orElseThrow();
    }

    Optional<OrgUnit> unit(long tenantId, Long unitId) {
        return unitId == null ? Optional.empty() : organisation.findUnitInTenant(tenantId, unitId);
    }

    Optional<Person> person(long tenantId, Long personId) {
        return personId == null ? Optional.empty() : organisation.findPersonInTenant(tenantId, personId);
    }

    /** An active person of the tenant named in a form field, or the field's translated refusal. */
    Person activePerson(long tenantId, Long personId, String field) {
        Person p = person(tenantId, personId)
                .orElseThrow(() -> DomainException.atField(field, "plan.person.unknown", String.valueOf(personId)));
        if (!p.active()) {
            throw DomainException.atField(field, "plan.person.inactive", p.name());
        }
        return p;
    }

    /** An active unit of the tenant named in a form field, or the field's translated refusal. */
    OrgUnit activeUnit(long tenantId, Long unitId, String field) {
        OrgUnit u = unit(tenantId, unitId)
                .orElseThrow(() -> DomainException.atField(field, "plan.unit.unknown", String.valueOf(unitId)));
        if (!u.active()) {
            throw DomainException.atField(field, "plan.unit.inactive", u.name());
        }
        return u;
    }

    String personName(long tenantId, Long personId) {
        return person(tenantId, personId).map(Person::name).orElse("");
    }

    String unitName(long tenantId, Long unitId) {
        return unit(tenantId, unitId).map(OrgUnit::name).orElse("");
    }
}
