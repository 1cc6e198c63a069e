package cn.taizhang.scoring;

import cn.taizhang.method.MethodDefinition.SubjectKind;
import cn.taizhang.org.DataScope;
import cn.taizhang.org.OrgScopes;
import cn.taizhang.org.OrgUnit;
import cn.taizhang.org.Organisation;
import cn.taizhang.org.Person;
import cn.taizhang.shared.CurrentUser;
import cn.taizhang.shared.DomainException;
import cn.taizhang.shared.NotFoundException;
import org.springframework.stereotype.Component;

/** Finds scored subjects in a tenant and checks them against the kind and the user's data scope. */
@Component
class Subjects {

    private final Organisation organisation;
    private final OrgScopes scopes;

    Subjects(Organisation organisation, OrgScopes scopes) {
        this.organisation = organisation;
        this.scopes = scopes;
    }

    /** The subject's name if it exists in the tenant as this kind; otherwise "not found" or "wrong kind". */
    String requireInTenant(long tenantId, SubjectRef s) {
        if (s.kind() == SubjectKind.PERSON) {
            Person p = organisation.findPersonInTenant(tenantId, s.id()).filter(Person::active)
                    .orElseThrow(() -> new NotFoundException("person", s.id()));
            return p.name();
        }
        OrgUnit u = organisation.findUnitInTenant(tenantId, s.id()).filter(OrgUnit::active)
                .orElseThrow(() -> new NotFoundException("unit", s.id()));
        if (JdbcFacts.kindOf(u.kind()) != s.kind()) {
            throw DomainException.atField("subjects", "scoring.subject.wrongKind", u.name(), s.kind().name());
        }
        return u.name();
    }

    /** Whether the user's data scope reaches the subject (staff: only himself). */
    boolean visible(CurrentUser user, SubjectRef s) {
        DataScope scope = scopes.of(user);
        try {
            if (s.kind() == SubjectKind.PERSON) {
                organisation.person(scope, s.id());
            } else {
                organisation.unit(scope, s.id());
            }
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    void requireVisible(CurrentUser user, SubjectRef s) {
        if (!visible(user, s)) {
            throw new NotFoundException(s.kind() == SubjectKind.PERSON ? "person" : "unit", s.id());
        }
    }

    String name(long tenantId, SubjectRef s) {
        if (s.kind() == SubjectKind.PERSON) {
            return organisation.findPersonInTenant(tenantId, s.id()).map(Person::name).orElse("#" + s.id());
        }
        return organisation.findUnitInTenant(tenantId, s.id()).map(OrgUnit::name).orElse("#" + s.id());
    }
}
