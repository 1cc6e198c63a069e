package cn.taizhang.board;

import cn.taizhang.board.internal.BoardFlow;
import cn.taizhang.board.internal.BoardIssue;
import cn.taizhang.method.TenantMethods;
import cn.taizhang.org.DataScope;
import cn.taizhang.org.Organisation;
import cn.taizhang.org.Organisation.PersonDetails;
import cn.taizhang.org.Person;
import cn.taizhang.org.Position;
import cn.taizhang.org.Rank;
import cn.taizhang.org.Tenant;
import cn.taizhang.org.TenantKind;
import cn.taizhang.org.Tenants;
import cn.taizhang.org.UnitKind;
import cn.taizhang.shared.CurrentUser;
import cn.taizhang.shared.Role;
import cn.taizhang.support.MutableClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Fresh townships and the steps of the board flow, for the board tests (built by each test from its beans). */
class BoardTestSupport {

    private static final AtomicInteger COUNT = new AtomicInteger();

    final Tenants tenants;
    final Organisation organisation;
    final TenantMethods methods;
    final BoardDrafts drafts;
    final BoardFlow flow;
    final MutableClock clock;
    final UserDetailsService users;

    BoardTestSupport(Tenants tenants, Organisation organisation, TenantMethods methods, BoardDrafts drafts,
                     BoardFlow flow, MutableClock clock, UserDetailsService users) {
        this.tenants = tenants;
        this.organisation = organisation;
        this.methods = methods;
        this.drafts = drafts;
        this.flow = flow;
        this.clock = clock;
        this.users = users;
    }

    /** A township of its own (on wusi), so that a test may break its chain without touching the demo's. */
    record Town(Tenant tenant, Person person, CurrentUser leader, CurrentUser discipline, CurrentUser named) {
        long id() {
            return tenant.id();
        }
    }

    Town newTown() {
        int n = COUNT.incrementAndGet();
        long county = tenants.findByCode("demo-county").orElseThrow().id();
        Tenant t = tenants.create(TenantKind.TOWNSHIP, "board-town-" + n + "-" + System.nanoTime() % 100000,
                "测试镇" + n, county);
        var scope = DataScope.wholeTenant(t.id());
        var root = organisation.createRoot(t.id(), UnitKind.TOWNSHIP, "BT" + n, "测试镇" + n);
        Person p = organisation.createPerson(scope, new PersonDetails(root.id(), "BT" + n + "-P1", "钱小明", "男",
                Position.STAFF, "农业服务中心干部", Rank.CLERK, "13900000001", null));
        methods.adoptPreset(t.id(), "wusi");
        return new Town(t, p,
                new CurrentUser(-1, "t-lead", "测试书记", t.id(), null, Set.of(Role.LEADERSHIP), null),
                new CurrentUser(-2, "t-jw", "测试纪委", t.id(), null, Set.of(Role.DISCIPLINE), null),
                new CurrentUser(-3, "t-staff", "钱小明", t.id(), p.id(), Set.of(Role.STAFF), null));
    }

    CurrentUser account(String username) {
        return ((CurrentUser.Holder) users.loadUserByUsername(username)).currentUser();
    }

    static BoardEntry reward(long personId, String name, String sourceId) {
        return BoardEntry.person(personId, name, "农业服务中心干部", "按期完成秋粮收购任务", new BigDecimal("5"), null,
                "scoring", sourceId);
    }

    static BoardEntry penalty(long personId, String name, String sourceId) {
        return BoardEntry.person(personId, name, "农业服务中心干部", "周一例会无故缺席", new BigDecimal("-2"), 4000L,
                "scoring", sourceId);
    }

    /** Through review and the notice period to publication. */
    BoardIssue publish(CurrentUser leader, CurrentUser discipline, long issueId) {
        flow.submit(leader, issueId);
        BoardIssue inNotice = flow.startNotice(leader, issueId);
        clock.advance(Duration.ofDays(inNotice.noticeDays()).plusMinutes(1));
        return flow.publish(discipline, issueId);
    }

    BoardIssue publishNew(Town town, String board, String period, List<BoardEntry> entries) {
        Proposal p = drafts.propose(town.id(), board, period, entries);
        return publish(town.leader(), town.discipline(), p.issueId());
    }
}
