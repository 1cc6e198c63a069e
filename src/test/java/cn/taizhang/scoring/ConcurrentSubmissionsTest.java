package cn.taizhang.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import cn.taizhang.method.TenantMethods;
import cn.taizhang.org.Organisation;
import cn.taizhang.org.Person;
import cn.taizhang.org.Tenants;
import cn.taizhang.org.UnitKind;
import cn.taizhang.support.TaizhangTest;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Fifty people submitting at the same moment lose nothing and duplicate nothing. */
@TaizhangTest
class ConcurrentSubmissionsTest {

    @Autowired Tenants tenants;
    @Autowired TenantMethods methods;
    @Autowired Organisation organisation;
    @Autowired ScoreEvents events;
    @Autowired RatingSheets sheets;
    @Autowired Assessments assessments;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;

    private <T> List<T> fifty(java.util.function.IntFunction<Callable<T>> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                futures.add(pool.submit(task.apply(i)));
            }
            List<T> out = new ArrayList<>();
            for (Future<T> f : futures) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void fiftySubmissionsWithOneKeyAreAcceptedOnceAndFiftyWithTheirOwnKeysAllCount() throws Exception {
        Township t = new Township("wusi", tenants, methods, organisation, events, sheets, assessments);
        Person p = t.person(t.unit(UnitKind.OFFICE, "办公室"), "甲");
        LocalDate today = LocalDate.now(clock);
        List<ScoreEvent> same = fifty(i -> () -> events.propose(t.proposer, new ScoreEvents.Proposal("study",
                List.of(Township.of(p)), false, new BigDecimal("1"), false, null, today, "学习", null, null, "same-key")));
        assertThat(same.stream().map(ScoreEvent::id).distinct()).hasSize(1);
        List<ScoreEvent> own = fifty(i -> () -> events.propose(t.proposer, new ScoreEvents.Proposal("study",
                List.of(Township.of(p)), false, new BigDecimal("1"), false, null, today, "学习" + i, null, null, "key-" + i)));
        assertThat(own.stream().map(ScoreEvent::id).distinct()).hasSize(50);
        assertThat(jdbc.sql("select count(*) from score_event where tenant_id = :t").param("t", t.id)
                .query(Long.class).single()).isEqualTo(51);
        // fifty ballots by one rater for one ratee: one sheet, forty-nine refusals
        String month = today.getYear() + "-" + String.format("%02d", today.getMonthValue());
        List<String> outcomes = fifty(i -> () -> {
            try {
                t.ballot("monthly", "draw", month, "attendees", "票-7", Township.of(p), "80");
                return "ok";
            } catch (cn.taizhang.shared.DomainException e) {
                return e.messageKey();
            }
        });
        assertThat(outcomes).filteredOn("ok"::equals).hasSize(1);
        assertThat(Set.copyOf(outcomes)).containsExactlyInAnyOrder("ok", "scoring.sheet.duplicate");
    }
}
