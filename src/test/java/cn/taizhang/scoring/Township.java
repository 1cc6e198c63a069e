package cn.taizhang.scoring;

import cn.taizhang.method.MethodDefinition.SubjectKind;
import cn.taizhang.method.TenantMethods;
import cn.taizhang.org.ContactKind;
import cn.taizhang.org.DataScope;
import cn.taizhang.org.ExternalContact;
import cn.taizhang.org.OrgUnit;
import cn.taizhang.org.Organisation;
import cn.taizhang.org.Organisation.PersonDetails;
import cn.taizhang.org.Person;
import cn.taizhang.org.Position;
import cn.taizhang.org.Rank;
import cn.taizhang.org.TenantKind;
import cn.taizhang.org.Tenants;
import cn.taizhang.shared.CurrentUser;
import cn.taizhang.shared.Role;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/** A small fresh township on one preset, with helpers to score and rate in it (test fixture). */
final class Township {

    private static final AtomicInteger SEQ = new AtomicInteger();

    final long id;
    final OrgUnit root;
    final int n;
    private final Organisation organisation;
    final ScoreEvents events;
    final RatingSheets sheets;
    final Assessments assessments;
    final CurrentUser leader;
    final CurrentUser discipline;
    final CurrentUser proposer;
    private final AtomicInteger codes = new AtomicInteger();

    Township(String preset, Tenants tenants, TenantMethods methods, Organisation organisation, ScoreEvents events,
             RatingSheets sheets, Assessments assessments) {
        this(preset, null, tenants, methods, organisation, events, sheets, assessments);
    }

    /** A township of the given county, or of a new one when {@code countyId} is null. */
    Township(String preset, Long countyId, Tenants tenants, TenantMethods methods, Organisation organisation,
             ScoreEvents events, RatingSheets sheets, Assessments assessments) {
        this.n = SEQ.incrementAndGet();
        long county = countyId != null ? countyId
                : tenants.create(TenantKind.COUNTY, "sc-county-" + preset + n, "测试县" + n, null).id();
        this.id = tenants.create(TenantKind.TOWNSHIP, "sc-town-" + preset + n, "测试镇" + n, county).id();
        methods.adoptPreset(id, preset);
        this.organisation = organisation;
        this.root = organisation.createRoot(id, cn.taizhang.org.UnitKind.TOWNSHIP, "R" + n, "测试镇" + n);
        this.events = events;
        this.sheets = sheets;
        this.assessments = assessments;
        this.leader = user("leader", Role.LEADERSHIP, null);
        this.discipline = user("jiwei", Role.DISCIPLINE, null);
        this.proposer = user("proposer", Role.STAFF, null);
    }

    CurrentUser user(String name, Role role, Long personId) {
        return new CurrentUser(0, name + "-" + n, name, id, personId, Set.of(role), null);
    }

    OrgUnit unit(cn.taizhang.org.UnitKind kind, String name) {
        return organisation.createUnit(DataScope.wholeTenant(id), root.id(), kind, "U" + n + "-" + codes.incrementAndGet(),
                name, 0);
    }

    Person person(OrgUnit unit, String name) {
        return organisation.createPerson(DataScope.wholeTenant(id), new PersonDetails(unit.id(),
                "P" + n + "-" + codes.incrementAndGet(), name, null, Position.STAFF, null, Rank.CLERK, null, null));
    }

    ExternalContact contact(OrgUnit unit, String name) {
        return organisation.addContact(DataScope.wholeTenant(id), unit.id(), ContactKind.RESIDENT, name, null, null);
    }

    static SubjectRef of(Person p) {
        return new SubjectRef(SubjectKind.PERSON, p.id());
    }

    static SubjectRef of(SubjectKind kind, OrgUnit u) {
        return new SubjectRef(kind, u.id());
    }

    /** Proposes and confirms: the flow of seed 000. {@code points} is signed. */
    ScoreEvent scored(String item, LocalDate day, String points, String reason, SubjectRef... subjects) {
        BigDecimal p = new BigDecimal(points);
        ScoreEvent e = events.propose(proposer, new ScoreEvents.Proposal(item, List.of(subjects), p.signum() < 0,
                p.abs(), false, null, day, reason, null, null, null));
        return events.confirm(discipline, e.id());
    }

    RatingSheets.Sheet ballot(String assessment, String component, String cycle, String group, String ballotNo,
                              SubjectRef ratee, String score) {
        return sheets.enter(leader, new RatingSheets.Entry(assessment, component, cycle, RatingSheets.RaterKind.BALLOT,
                ballotNo, group, ratee, new BigDecimal(score), null, null));
    }

    RatingSheets.Sheet rated(String assessment, String component, String cycle, String group,
                             RatingSheets.RaterKind kind, long rater, SubjectRef ratee, String score) {
        return sheets.enter(leader, new RatingSheets.Entry(assessment, component, cycle, kind, String.valueOf(rater),
                group, ratee, new BigDecimal(score), null, null));
    }

    Results.Ranking ranking(String target, String cycle) {
        return assessments.ranking(leader, target, cycle);
    }

    Results.SubjectResult explain(String target, String cycle, SubjectRef s) {
        return assessments.explain(leader, target, cycle, s);
    }

    /** The row of a subject in a ranking. */
    static Results.Row row(Results.Ranking r, SubjectRef s) {
        return r.rows().stream().filter(x -> x.result().subject().equals(s)).findFirst()
                .orElseThrow(() -> new AssertionError(s + " not ranked"));
    }
}
