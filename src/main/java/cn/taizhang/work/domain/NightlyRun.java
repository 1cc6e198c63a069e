package cn.taizhang.work.domain;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The nightly run (WORK-7): every tenant's lights are recomputed, then its reminders and escalations
 * are created. Several instances of the application may run against one database, so the run takes a
 * PostgreSQL advisory lock in its transaction; an instance that does not get it does nothing.
 * The schedule is {@code taizhang.lights.cron} (default 01:30) in {@code taizhang.lights.zone}
 * (default Asia/Shanghai).
 */
@Component
public class NightlyRun {

    /** The advisory lock key of the nightly run (the bytes of "tz-light"). */
    public static final long LOCK_KEY = 0x747a2d6c69676874L;

    private static final Logger log = LoggerFactory.getLogger(NightlyRun.class);

    private final WorkItems work;
    private final Reminders reminders;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    NightlyRun(WorkItems work, Reminders reminders, JdbcClient jdbc, TransactionTemplate transaction) {
        this.work = work;
        this.reminders = reminders;
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    @Scheduled(cron = "${taizhang.lights.cron:0 30 1 * * *}", zone = "${taizhang.lights.zone:Asia/Shanghai}")
    void scheduled() {
        run();
    }

    /** Runs unless another instance is running; false when it did not get the lock. */
    public boolean run() {
        return Boolean.TRUE.equals(transaction.execute(status -> {
            if (!jdbc.sql("select pg_try_advisory_xact_lock(:k)").param("k", LOCK_KEY).query(Boolean.class).single()) {
                log.info("nightly light run skipped: another instance holds the lock");
                return false;
            }
            List<Long> tenants = jdbc.sql("""
                    select id from tenant t where active
                      and exists (select 1 from work_item w where w.tenant_id = t.id) order by id""")
                    .query(Long.class).list();
            for (long tenant : tenants) {
                long started = System.nanoTime();
                int lights = work.recomputeLights(tenant);
                int sent = reminders.run(tenant);
                log.info("nightly run, tenant {}: {} lights changed, {} reminders, {} ms", tenant, lights, sent,
                        (System.nanoTime() - started) / 1_000_000);
            }
            return true;
        }));
    }
}
