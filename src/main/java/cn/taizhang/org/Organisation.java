package cn.taizhang.org;

import cn.taizhang.audit.AuditJournal;
import cn.taizhang.shared.AccessDeniedException;
import cn.taizhang.shared.DomainException;
import cn.taizhang.shared.NotFoundException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The org tree, its people, groups and external contacts (ORG-1 to ORG-5). Every method takes the
 * caller's {@link DataScope}: what lies outside it is "not found", what it may not change is
 * refused. Every change is journalled with before and after; nothing with history is deleted,
 * only deactivated.
 */
@Service
public class Organisation {

    /** How a group post was filled; see {@link Membership#basis()}. */
    static final java.util.Set<String> MEMBERSHIP_BASES = java.util.Set.of("APPOINTED", "COMMITTEE_APPROVED",
            "COMPETITIVE_SELECTION");

    private final UnitRepository units;
    private final PersonRepository people;
    private final AuditJournal journal;
    private final java.time.Clock clock;

    Organisation(UnitRepository units, PersonRepository people, AuditJournal journal, java.time.Clock clock) {
        this.units = units;
        this.people = people;
        this.journal = journal;
        this.clock = clock;
    }

    // ---------------------------------------------------------------- units

    public List<OrgUnit> tree(DataScope scope, long tenantId, boolean includeInactive) {
        if (!scope.tenantIds().contains(tenantId) || scope.selfPersonId() != null) {
            return List.of();
        }
        return units.tree(tenantId, scope.subtreePath(), includeInactive);
    }

    public OrgUnit unit(DataScope scope, long unitId) {
        return units.findInTenants(scope.tenantIds(), unitId).filter(scope::covers)
                .orElseThrow(() -> new NotFoundException("unit", unitId));
    }

    /** The unit a visible person belongs to (staff may see their own unit's name, not its subtree). */
    public OrgUnit unitOfPerson(DataScope scope, Person visible) {
        Person p = person(scope, visible.id());
        return unitOf(p);
    }

    private OrgUnit unitOf(Person person) {
        return units.find(person.tenantId(), person.unitId()).orElseThrow();
    }

    public java.util.Optional<OrgUnit> root(long tenantId) {
        return units.root(tenantId);
    }

    /** Creates the root unit of a tenant (the township or department itself). */
    @Transactional
    public OrgUnit createRoot(long tenantId, UnitKind kind, String code, String name) {
        if (!kind.isRoot()) {
            throw DomainException.atField("kind", "unit.rootKind");
        }
        if (units.root(tenantId).isPresent()) {
            throw DomainException.atField("parentId", "unit.rootExists");
        }
        return insertUnit(tenantId, null, kind, code, name, 0);
    }

    @Transactional
    public OrgUnit createUnit(DataScope scope, long parentId, UnitKind kind, String code, String name, int sortOrder) {
        requireEditUnits(scope);
        OrgUnit parent = unit(scope, parentId);
        if (kind.isRoot()) {
            throw DomainException.atField("kind", "unit.onlyOneRoot");
        }
        return insertUnit(parent.tenantId(), parent, kind, code, name, sortOrder);
    }

    private OrgUnit insertUnit(long tenantId, OrgUnit parent, UnitKind kind, String code, String name, int sortOrder) {
        requireText("code", code);
        requireText("name", name);
        if (units.findByCode(tenantId, code.trim()).isPresent()) {
            throw DomainException.atField("code", "unit.codeTaken", code.trim());
        }
        long id = units.insert(tenantId, parent == null ? null : parent.id(), parent == null ? null : parent.path(),
                kind, code.trim(), name.trim(), sortOrder);
        OrgUnit created = units.find(tenantId, id).orElseThrow();
        journal.record(tenantId, "unit.created", "org_unit", id, "新建单位 " + created.name(), null, state(created), null);
        return created;
    }

    @Transactional
    public OrgUnit updateUnit(DataScope scope, long unitId, int expectedVersion, UnitKind kind, String code,
                              String name, int sortOrder, String reason) {
        requireEditUnits(scope);
        OrgUnit before = unit(scope, unitId);
        requireText("code", code);
        requireText("name", name);
        if (before.kind().isRoot() != kind.isRoot()) {
            throw DomainException.atField("kind", before.kind().isRoot() ? "unit.rootKind" : "unit.onlyOneRoot");
        }
        units.findByCode(before.tenantId(), code.trim()).filter(u -> u.id() != unitId).ifPresent(u -> {
            throw DomainException.atField("code", "unit.codeTaken", code.trim());
        });
        if (!units.update(before.tenantId(), unitId, expectedVersion, kind, code.trim(), name.trim(), sortOrder)) {
            throw new DomainException("error.changedMeanwhile");
        }
        OrgUnit after = units.find(before.tenantId(), unitId).orElseThrow();
        journal.record(after.tenantId(), "unit.changed", "org_unit", unitId, "修改单位 " + after.name(),
                state(before), state(after), reason);
        return after;
    }

    @Transactional
    public OrgUnit moveUnit(DataScope scope, long unitId, long newParentId, String reason) {
        requireEditUnits(scope);
        OrgUnit unit = unit(scope, unitId);
        OrgUnit newParent = unit(scope, newParentId);
        if (unit.parentId() == null) {
            throw DomainException.atField("parentId", "unit.rootCannotMove");
        }
        if (newParent.tenantId() != unit.tenantId()) {
            throw DomainException.atField("parentId", "unit.otherTenant");
        }
        if (newParent.path().startsWith(unit.path())) {
            throw DomainException.atField("parentId", "unit.moveIntoOwnSubtree", unit.name(), newParent.name());
        }
        if (!newParent.active()) {
            throw DomainException.atField("parentId", "unit.parentInactive", newParent.name());
        }
        units.move(unit.tenantId(), unit, newParent);
        OrgUnit after = units.find(unit.tenantId(), unitId).orElseThrow();
        journal.record(unit.tenantId(), "unit.moved", "org_unit", unitId, "调整单位隶属 " + unit.name(),
                state(unit), state(after), reason);
        return after;
    }

    @Transactional
    public void deactivateUnit(DataScope scope, long unitId, String reason) {
        requireEditUnits(scope);
        requireText("reason", reason);
        OrgUnit unit = unit(scope, unitId);
        if (unit.parentId() == null) {
            throw new DomainException("unit.rootCannotDeactivate");
        }
        if (units.activeChildren(unit.tenantId(), unitId) > 0) {
            throw new DomainException("unit.hasActiveChildren", unit.name());
        }
        if (units.activePeople(unit.tenantId(), unitId) > 0) {
            throw new DomainException("unit.hasActivePeople", unit.name());
        }
        units.setActive(unit.tenantId(), unitId, false);
        journal.record(unit.tenantId(), "unit.deactivated", "org_unit", unitId, "停用单位 " + unit.name(),
                state(unit), Map.of("active", false), reason);
    }

    @Transactional
    public void reactivateUnit(DataScope scope, long unitId, String reason) {
        requireEditUnits(scope);
        OrgUnit unit = unit(scope, unitId);
        OrgUnit parent = unit.parentId() == null ? null : units.find(unit.tenantId(), unit.parentId()).orElseThrow();
        if (parent != null && !parent.active()) {
            throw new DomainException("unit.parentInactive", parent.name());
        }
        units.setActive(unit.tenantId(), unitId, true);
        journal.record(unit.tenantId(), "unit.reactivated", "org_unit", unitId, "启用单位 " + unit.name(),
                Map.of("active", false), state(unit), reason);
    }

    // ---------------------------------------------------------------- people

    public List<Person> people(DataScope scope, long tenantId, Long underUnitId, String text, boolean includeInactive) {
        if (!scope.tenantIds().contains(tenantId)) {
            return List.of();
        }
        String path = scope.subtreePath();
        if (underUnitId != null) {
            OrgUnit under = unit(scope, underUnitId);
            path = under.path();
        }
        return people.search(tenantId, path, scope.selfPersonId(), text, includeInactive);
    }

    public Person person(DataScope scope, long personId) {
        for (long tenantId : scope.tenantIds()) {
            var found = people.find(tenantId, personId);
            if (found.isPresent()) {
                Person p = found.get();
                if (scope.covers(p, unitOf(p))) {
                    return p;
                }
            }
        }
        throw new NotFoundException("person", personId);
    }

    /** What a new or changed person looks like, as a form or an import row gives it. */
    public record PersonDetails(long unitId, String code, String name, String gender, Position position,
                                String title, Rank rank, String phone, Long backupPersonId) {
    }

    @Transactional
    public Person createPerson(DataScope scope, PersonDetails d) {
        requireEditPeople(scope);
        OrgUnit unit = unit(scope, d.unitId());
        checkPerson(unit, d, null);
        if (people.findByCode(unit.tenantId(), d.code().trim()).isPresent()) {
            throw DomainException.atField("code", "person.codeTaken", d.code().trim());
        }
        Person draft = new Person(0, unit.tenantId(), unit.id(), d.code().trim(), d.name().trim(), d.gender(),
                d.position(), blankToNull(d.title()), d.rank() == null ? Rank.NONE : d.rank(), blankToNull(d.phone()),
                d.backupPersonId(), true, 0);
        long id = people.insert(draft);
        Person created = people.find(unit.tenantId(), id).orElseThrow();
        journal.record(unit.tenantId(), "person.created", "person", id, "新增人员 " + created.name(), null,
                state(created), null);
        return created;
    }

    @Transactional
    public Person updatePerson(DataScope scope, long personId, int expectedVersion, PersonDetails d, String reason) {
        requireEditPeople(scope);
        Person before = person(scope, personId);
        OrgUnit unit = unit(scope, d.unitId());
        checkPerson(unit, d, before.id());
        people.findByCode(unit.tenantId(), d.code().trim()).filter(p -> p.id() != personId).ifPresent(p -> {
            throw DomainException.atField("code", "person.codeTaken", d.code().trim());
        });
        Person changed = new Person(personId, before.tenantId(), unit.id(), d.code().trim(), d.name().trim(),
                d.gender(), d.position(), blankToNull(d.title()), d.rank() == null ? Rank.NONE : d.rank(),
                blankToNull(d.phone()), d.backupPersonId(), before.active(), before.version());
        if (!people.update(changed, expectedVersion)) {
            throw new DomainException("error.changedMeanwhile");
        }
        Person after = people.find(before.tenantId(), personId).orElseThrow();
        journal.record(after.tenantId(), before.unitId() != after.unitId() ? "person.moved" : "person.changed",
                "person", personId, "修改人员 " + after.name(), state(before), state(after), reason);
        return after;
    }

    @Transactional
    public void setPersonActive(DataScope scope, long personId, boolean active, String reason) {
        requireEditPeople(scope);
        requireText("reason", reason);
        Person before = person(scope, personId);
        if (!active) {
            for (Membership m : people.membershipsOf(before.tenantId(), personId)) {
                people.endMembership(before.tenantId(), m.id());
            }
        }
        Person changed = new Person(before.id(), before.tenantId(), before.unitId(), before.code(), before.name(),
                before.gender(), before.position(), before.title(), before.rank(), before.phone(),
                active ? before.backupPersonId() : null, active, before.version());
        if (!people.update(changed, before.version())) {
            throw new DomainException("error.changedMeanwhile");
        }
        journal.record(before.tenantId(), active ? "person.reactivated" : "person.deactivated", "person", personId,
                (active ? "启用人员 " : "停用人员 ") + before.name(), state(before), Map.of("active", active), reason);
    }

    private void checkPerson(OrgUnit unit, PersonDetails d, Long selfId) {
        requireText("code", d.code());
        requireText("name", d.name());
        if (d.position() == null) {
            throw DomainException.atField("position", "person.positionRequired");
        }
        if (!unit.active()) {
            throw DomainException.atField("unitId", "person.unitInactive", unit.name());
        }
        if (d.backupPersonId() != null) {
            if (Objects.equals(d.backupPersonId(), selfId)) {
                throw DomainException.atField("backupPersonId", "person.backupIsSelf");
            }
            Person backup = people.find(unit.tenantId(), d.backupPersonId())
                    .orElseThrow(() -> DomainException.atField("backupPersonId", "person.backupUnknown", d.backupPersonId()));
            if (!backup.active()) {
                throw DomainException.atField("backupPersonId", "person.backupInactive", backup.name());
            }
        }
    }

    // ---------------------------------------------------------------- groups

    public List<Membership> members(DataScope scope, long unitId, boolean includeEnded) {
        OrgUnit unit = unit(scope, unitId);
        return people.memberships(unit.tenantId(), unitId, includeEnded);
    }

    public List<Membership> membershipsOf(DataScope scope, long personId) {
        Person p = person(scope, personId);
        return people.membershipsOf(p.tenantId(), personId);
    }

    @Transactional
    public Membership addMember(DataScope scope, long unitId, long personId, GroupRole role, String basis,
                                String basisNote, LocalDate termEnd) {
        requireEditPeople(scope);
        OrgUnit group = unit(scope, unitId);
        if (!group.kind().isGroup()) {
            throw DomainException.atField("unitId", "group.notAGroup", group.name());
        }
        Person person = people.find(group.tenantId(), personId)
                .orElseThrow(() -> new NotFoundException("person", personId));
        if (!person.active()) {
            throw DomainException.atField("personId", "group.personInactive", person.name());
        }
        List<Membership> current = people.memberships(group.tenantId(), unitId, false);
        if (current.stream().anyMatch(m -> m.personId() == personId)) {
            throw DomainException.atField("personId", "group.alreadyMember", person.name(), group.name());
        }
        if (role == GroupRole.LEADER) {
            current.stream().filter(m -> m.role() == GroupRole.LEADER).findFirst().ifPresent(m -> {
                throw DomainException.atField("role", "group.leaderExists", group.name(), m.personName());
            });
        }
        String b = basis == null || basis.isBlank() ? "APPOINTED" : basis;
        if (!MEMBERSHIP_BASES.contains(b)) {
            throw DomainException.atField("basis", "group.unknownBasis", b);
        }
        if ("COMPETITIVE_SELECTION".equals(b) && termEnd == null) {
            termEnd = LocalDate.now(clock).plusYears(1); // 竞聘上岗: 聘期1年 (seed 004)
        }
        long id;
        try {
            id = people.insertMembership(group.tenantId(), unitId, personId, role, b, blankToNull(basisNote), termEnd);
        } catch (DuplicateKeyException raced) {
            throw DomainException.atField("role", "group.leaderExists", group.name(), "?");
        }
        Membership m = people.membership(group.tenantId(), id).orElseThrow();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("unit", group.name());
        after.put("person", person.name());
        after.put("role", role.name());
        after.put("basis", b);
        after.put("termEnd", termEnd == null ? null : termEnd.toString());
        journal.record(group.tenantId(), "group.memberAdded", "group_membership", id,
                group.name() + " 增加成员 " + person.name(), null, after, basisNote);
        return m;
    }

    @Transactional
    public void endMembership(DataScope scope, long unitId, long membershipId, String reason) {
        requireEditPeople(scope);
        requireText("reason", reason);
        OrgUnit group = unit(scope, unitId);
        Membership m = people.membership(group.tenantId(), membershipId).filter(x -> x.unitId() == unitId)
                .orElseThrow(() -> new NotFoundException("membership", membershipId));
        people.endMembership(group.tenantId(), membershipId);
        journal.record(group.tenantId(), "group.memberEnded", "group_membership", membershipId,
                group.name() + " 成员离任 " + m.personName(), Map.of("role", m.role().name(), "active", true),
                Map.of("active", false), reason);
    }

    // ---------------------------------------------------------------- external contacts

    public List<ExternalContact> contacts(DataScope scope, long unitId) {
        OrgUnit unit = unit(scope, unitId);
        return people.contacts(unit.tenantId(), unitId);
    }

    @Transactional
    public ExternalContact addContact(DataScope scope, long unitId, ContactKind kind, String name, String organisation,
                                      String phone) {
        requireEditPeople(scope);
        OrgUnit unit = unit(scope, unitId);
        requireText("name", name);
        if (kind == null) {
            throw DomainException.atField("kind", "contact.kindRequired");
        }
        long id = people.insertContact(unit.tenantId(), unitId, kind, name.trim(), blankToNull(organisation),
                blankToNull(phone));
        journal.record(unit.tenantId(), "contact.created", "external_contact", id,
                unit.name() + " 增加服务对象 " + name.trim(), null, Map.of("kind", kind.name(), "name", name.trim()), null);
        return people.contact(unit.tenantId(), id).orElseThrow();
    }

    @Transactional
    public void deactivateContact(DataScope scope, long unitId, long contactId, String reason) {
        requireEditPeople(scope);
        requireText("reason", reason);
        OrgUnit unit = unit(scope, unitId);
        ExternalContact c = people.contact(unit.tenantId(), contactId).filter(x -> x.unitId() == unitId)
                .orElseThrow(() -> new NotFoundException("contact", contactId));
        people.deactivateContact(unit.tenantId(), contactId);
        journal.record(unit.tenantId(), "contact.deactivated", "external_contact", contactId,
                unit.name() + " 停用服务对象 " + c.name(), Map.of("active", true), Map.of("active", false), reason);
    }

    // ---------------------------------------------------------------- lookups for account administration

    /**
     * The unit with this id if it belongs to this tenant, regardless of anybody's data scope: the
     * security administrator checks with it that an account's scope unit exists in the account's tenant.
     */
    public java.util.Optional<OrgUnit> findUnitInTenant(long tenantId, long unitId) {
        return units.find(tenantId, unitId);
    }

    /** The person with this id if he or she belongs to this tenant (see {@link #findUnitInTenant}). */
    public java.util.Optional<Person> findPersonInTenant(long tenantId, long personId) {
        return people.find(tenantId, personId);
    }

    // ---------------------------------------------------------------- helpers

    private static void requireEditUnits(DataScope scope) {
        if (!scope.mayEditUnits()) {
            throw new AccessDeniedException();
        }
    }

    private static void requireEditPeople(DataScope scope) {
        if (!scope.mayEditPeople()) {
            throw new AccessDeniedException();
        }
    }

    private static void requireText(String field, String value) {
        if (value == null || value.isBlank()) {
            throw DomainException.atField(field, "error.required." + field);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    static Map<String, Object> state(OrgUnit u) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("parentId", u.parentId());
        m.put("path", u.path());
        m.put("kind", u.kind().name());
        m.put("code", u.code());
        m.put("name", u.name());
        m.put("sortOrder", u.sortOrder());
        m.put("active", u.active());
        return m;
    }

    static Map<String, Object> state(Person p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("unitId", p.unitId());
        m.put("code", p.code());
        m.put("name", p.name());
        m.put("gender", p.gender());
        m.put("position", p.position().name());
        m.put("title", p.title());
        m.put("rank", p.rank().name());
        m.put("phone", p.phone());
        m.put("backupPersonId", p.backupPersonId());
        m.put("active", p.active());
        return m;
    }
}
