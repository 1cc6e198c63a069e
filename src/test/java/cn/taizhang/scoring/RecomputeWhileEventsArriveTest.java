package cn.taizhang.scoring;

import static cn.taizhang.scoring.Township.of;
import static cn.taizhang.scoring.Township.row;
import static org.assertj.core.api.Assertions.assertThat;

import cn.taizhang.method.TenantMethods;
import cn.taizhang.org.Organisation;
import cn.taizhang.org.OrgUnit;
import cn.taizhang.org.Tenants;
import cn.taizhang.org.UnitKind;
import cn.taizhang.support.TaizhangTest;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 4, "Bad input and concurrency": recomputing a cycle while events arrive gives a result that
 * matches a recomputation after they stop. Every event here binds two people at once (bound
 * responsibility, wusi's task item), so a computation that saw half an event — one person's line and
 * not the other's — would score them apart. Each computation while the writers run must be a
 * consistent snapshot (both equal, never less than the one before), and the one after they stop
 * counts every event. Wusi's ordinary assessment, no ratings entered: the events component alone,
 * re-weighted to 100% (the missing-group rule), so the score is the sum of the points.
 */
@TaizhangTest
class RecomputeWhileEventsArriveTest {

    @Autowired Tenants tenants;
    @Autowired TenantMethods methods;
    @Autowired Organisation organisation;
    @Autowired ScoreEvents events;
    @Autowired RatingSheets sheets;
    @Autowired Assessments assessments;
    @Autowired Clock clock;

    @Test
    void eachComputationIsOneSnapshotAndTheLastCountsEveryEvent() throws Exception {
        Township t = new Township("wusi", tenants, methods, organisation, events, sheets, assessments);
        OrgUnit office = t.unit(UnitKind.OFFICE, "党政办");
        SubjectRef east = of(t.person(office, "东"));
        SubjectRef west = of(t.person(office, "西"));
        int year = LocalDate.now(clock).getYear() - 1;
        String half = year + "-H1";
        int writers = 4;
        int eventsEach = 20;

        ExecutorService pool = Executors.newFixedThreadPool(writers);
        List<Future<?>> written = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            int writer = w;
            written.add(pool.submit(() -> {
                for (int i = 0; i < eventsEach; i++) {
                    ScoreEvent e = events.propose(t.proposer, new ScoreEvents.Proposal("task", List.of(east, west), false,
                            BigDecimal.ONE, false, null, LocalDate.of(year, 5, 1 + i), "联合整治第" + writer + "-" + i + "项",
                            null, null, "recompute-" + writer + "-" + i));
                    events.confirm(t.discipline, e.id());
                }
                return null;
            }));
        }
        pool.shutdown();

        List<Score> seen = new ArrayList<>();
        while (!pool.isTerminated()) {
            Results.Ranking r = t.ranking("ordinary", half);
            Score e = row(r, east).result().score();
            Score w = row(r, west).result().score();
            assertThat(w).as("both people of every event in one snapshot").isEqualTo(e);
            seen.add(e);
            pool.awaitTermination(20, TimeUnit.MILLISECONDS);
        }
        for (Future<?> f : written) {
            f.get();
        }

        Results.Ranking after = t.ranking("ordinary", half);
        Score all = Score.of(writers * eventsEach);
        assertThat(row(after, east).result().score()).isEqualTo(all);
        assertThat(row(after, west).result().score()).isEqualTo(all);
        assertThat(seen).as("computations while events arrived").isNotEmpty()
                .isSorted()
                .allSatisfy(s -> assertThat(s.value()).isLessThanOrEqualTo(all.value()));
    }
}
