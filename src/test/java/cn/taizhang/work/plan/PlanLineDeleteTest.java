package cn.taizhang.work.plan;

import static cn.taizhang.support.SignedIn.api;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.taizhang.org.Organisation;
import cn.taizhang.org.Tenants;
import cn.taizhang.support.SignedIn;
import cn.taizhang.support.TaizhangTest;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A plan line nothing relies on can be deleted, journalled; one carried out as a work item, served by
 * lines below or already corrected is refused with the reason, on the page and through the API.
 */
@TaizhangTest
class PlanLineDeleteTest {

    @Autowired MockMvc mvc;
    @Autowired SignedIn signedIn;
    @Autowired Tenants tenants;
    @Autowired Organisation organisation;
    @Autowired JdbcClient jdbc;
    @Autowired PlatformTransactionManager transactions;

    long construction;
    long chenMing;
    long heYongqiang;

    @BeforeEach
    void setUp() {
        construction = PlanTestSupport.unit(organisation, tenants, "WS-CJ");
        chenMing = PlanTestSupport.person(organisation, tenants, "P006");
        heYongqiang = PlanTestSupport.person(organisation, tenants, "P017");
    }

    private ResultActions call(String user, String path, String json) throws Exception {
        return mvc.perform(post(path).with(api(user)).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private static long id(ResultActions r) throws Exception {
        String body = r.andReturn().getResponse().getContentAsString();
        return Long.parseLong(body.replaceAll("(?s)^\\[?\\{\"id\":(\\d+).*$", "$1"));
    }

    private long plan(String json) throws Exception {
        return id(call("zuzhang", "/api/work/plans", json).andExpect(status().isCreated()));
    }

    private long line(long plan, String content, String deadline, Long serves) throws Exception {
        return id(call("zuzhang", "/api/work/plans/" + plan + "/lines", """
                {"content": "%s", "standard": "按期完成", "deadline": "%s", "responsibleUnitId": %d,
                 "responsiblePersonId": %d, "supervisingLeaderId": %d, "servesLineId": %s}"""
                .formatted(content, deadline, construction, heYongqiang, chenMing, serves == null ? "null" : serves))
                .andExpect(status().isCreated()));
    }

    private long lines(long id) {
        return jdbc.sql("select count(*) from plan_line where id = :id").param("id", id).query(Long.class).single();
    }

    @Test
    void aLineNothingReliesOnIsDeletedAndJournalled() throws Exception {
        String s = PlanTestSupport.suffix();
        long annual = plan("""
                {"level": "GROUP_ANNUAL", "year": 2043, "unitId": %d, "title": "城建组2043年工作计划%s"}"""
                .formatted(construction, s));
        long kept = line(annual, "背街小巷硬化" + s, "2043-06-30", null);
        long wrong = line(annual, "重复录入的一条" + s, "2043-06-30", null);
        long last = line(annual, "路灯改造" + s, "2043-06-30", null);

        // the line's page offers it to whoever may add lines, not to a reader
        mvc.perform(get("/work/plans/lines/" + wrong).with(signedIn.as("zuzhang"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("/work/plans/lines/" + wrong + "/delete")));
        mvc.perform(get("/work/plans/lines/" + wrong).with(signedIn.as("ganbu"))).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("/delete"))));
        mvc.perform(PlanTestSupport.form(signedIn, "ganbu", "/work/plans/lines/" + wrong + "/delete", "reason", "x"))
                .andExpect(status().isForbidden());

        mvc.perform(PlanTestSupport.form(signedIn, "zuzhang", "/work/plans/lines/" + wrong + "/delete", "reason", "重复录入"))
                .andExpect(status().is3xxRedirection());
        assertThat(lines(wrong)).isZero();
        assertThat(jdbc.sql("""
                        select reason || '|' || (before_state ->> 'content') from audit_entry
                        where action = 'plan.line.deleted' and entity_id = :id""")
                .param("id", String.valueOf(wrong)).query(String.class).single()).isEqualTo("重复录入|重复录入的一条" + s);
        mvc.perform(get("/work/plans/" + annual).with(signedIn.as("zuzhang"))).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("重复录入的一条" + s))))
                .andExpect(content().string(containsString("背街小巷硬化" + s)));

        // through the API: 204, then "not found"; another township's user does not see it
        mvc.perform(delete("/api/work/plans/lines/" + kept).with(api("cunganbu"))).andExpect(status().isNotFound());
        mvc.perform(delete("/api/work/plans/lines/" + kept).with(api("zuzhang"))).andExpect(status().isNoContent());
        mvc.perform(delete("/api/work/plans/lines/" + kept).with(api("zuzhang"))).andExpect(status().isNotFound());
        // the other lines keep their numbers; a new one comes after the highest
        long next = line(annual, "新增一条" + s, "2043-09-30", null);
        assertThat(jdbc.sql("select seq from plan_line where id in (:a, :b) order by seq").param("a", last)
                .param("b", next).query(Integer.class).list()).containsExactly(3, 4);
    }

    /**
     * A lower line added while its line is being deleted: it waits for the deletion and is then refused
     * with a translated reason at servesLineId (it used to fail on the foreign key, HTTP 500). The
     * deletion's transaction is held open; the addition runs until PostgreSQL shows it waiting.
     */
    @Test
    void aLineAddedUnderALineBeingDeletedWaitsAndIsRefusedWithTheReason() throws Exception {
        String s = PlanTestSupport.suffix();
        long annual = plan("""
                {"level": "GROUP_ANNUAL", "year": 2071, "unitId": %d, "title": "城建组2071年工作计划%s"}"""
                .formatted(construction, s));
        long month = plan("""
                {"level": "GROUP_MONTHLY", "year": 2071, "month": 4, "unitId": %d, "title": "城建组2071年4月计划%s"}"""
                .formatted(construction, s));
        long doomed = line(annual, "旧街改造" + s, "2071-06-30", null);

        whileItsDeletionIsOpen(doomed, () -> call("zuzhang", "/api/work/plans/" + month + "/lines", """
                {"content": "旧街摸底%s", "standard": "按期完成", "deadline": "2071-04-30", "responsibleUnitId": %d,
                 "responsiblePersonId": %d, "supervisingLeaderId": %d, "servesLineId": %d}"""
                .formatted(s, construction, heYongqiang, chenMing, doomed)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("servesLineId"))
                .andExpect(jsonPath("$.code").value("plan.line.serves.unknown"));
        assertThat(lines(doomed)).isZero();
        assertThat(jdbc.sql("select count(*) from plan_line where plan_id = :p").param("p", month)
                .query(Long.class).single()).isZero();
    }

    /** A second deletion (a double click) or a correction of a line being deleted waits, then finds it gone. */
    @Test
    void aChangeOfALineBeingDeletedWaitsAndFindsItGone() throws Exception {
        String s = PlanTestSupport.suffix();
        long annual = plan("""
                {"level": "GROUP_ANNUAL", "year": 2072, "unitId": %d, "title": "城建组2072年工作计划%s"}"""
                .formatted(construction, s));
        long twice = line(annual, "重复一条" + s, "2072-06-30", null);
        whileItsDeletionIsOpen(twice, () -> mvc.perform(delete("/api/work/plans/lines/" + twice).with(api("zuzhang"))))
                .andExpect(status().isNotFound());
        long edited = line(annual, "再一条" + s, "2072-06-30", null);
        whileItsDeletionIsOpen(edited, () -> mvc.perform(put("/api/work/plans/lines/" + edited).with(api("zuzhang"))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"content": "再一条%s", "standard": "按期完成", "deadline": "2072-07-31", "responsibleUnitId": %d,
                                 "responsiblePersonId": %d, "supervisingLeaderId": %d}"""
                                .formatted(s, construction, heYongqiang, chenMing))))
                .andExpect(status().isNotFound());
    }

    /**
     * Deletes the line through the API in a transaction held open, runs {@code other} on another thread
     * until PostgreSQL shows it waiting on a lock, then commits the deletion and answers what other got.
     */
    private ResultActions whileItsDeletionIsOpen(long line, Callable<ResultActions> other) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch deleted = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        try {
            Future<?> deletion = pool.submit(() -> new TransactionTemplate(transactions).executeWithoutResult(tx -> {
                try {
                    // MockMvc runs on this thread, so the API's transaction joins this one and stays open
                    mvc.perform(delete("/api/work/plans/lines/" + line).with(api("zuzhang")))
                            .andExpect(status().isNoContent());
                    deleted.countDown();
                    commit.await();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
            deleted.await();
            Future<ResultActions> waiting = pool.submit(other);
            long giveUp = System.nanoTime() + 30_000_000_000L;
            while (jdbc.sql("""
                            select count(*) from pg_stat_activity
                            where wait_event_type = 'Lock' and query like '%plan_line%'""")
                    .query(Long.class).single() == 0) {
                assertThat(System.nanoTime()).as("the other request waits for the deletion").isLessThan(giveUp);
                Thread.sleep(20);
            }
            commit.countDown();
            deletion.get();
            return waiting.get();
        } finally {
            commit.countDown();
            pool.shutdown();
        }
    }

    @Test
    void aLineReliedOnOrCorrectedIsRefusedWithTheReason() throws Exception {
        String s = PlanTestSupport.suffix();
        long annual = plan("""
                {"level": "GROUP_ANNUAL", "year": 2044, "unitId": %d, "title": "城建组2044年工作计划%s"}"""
                .formatted(construction, s));
        long month = plan("""
                {"level": "GROUP_MONTHLY", "year": 2044, "month": 3, "unitId": %d, "title": "城建组2044年3月计划%s"}"""
                .formatted(construction, s));
        long served = line(annual, "危房改造" + s, "2044-06-30", null);
        line(month, "危房摸底" + s, "2044-03-31", served);
        long carried = line(annual, "污水管网" + s, "2044-06-30", null);
        call("zuzhang", "/api/work/plans/lines/" + carried + "/item", "{\"categoryCode\": \"routine\"}")
                .andExpect(status().isOk());
        long corrected = line(annual, "道路硬化" + s, "2044-06-30", null);
        mvc.perform(put("/api/work/plans/lines/" + corrected).with(api("zuzhang")).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"content": "道路硬化%s", "standard": "按期完成", "deadline": "2044-07-31", "responsibleUnitId": %d,
                                 "responsiblePersonId": %d, "supervisingLeaderId": %d}"""
                                .formatted(s, construction, heYongqiang, chenMing)))
                .andExpect(status().isOk());

        mvc.perform(delete("/api/work/plans/lines/" + served).with(api("zuzhang")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("plan.line.delete.servedBy"))
                .andExpect(jsonPath("$.message").value(
                        "下级计划有 1 条目标任务分解自这一条，不能删除；请先处理下级计划的那些条目，或修改这一条。"));
        long item = jdbc.sql("select work_item_id from plan_line where id = :id").param("id", carried)
                .query(Long.class).single();
        mvc.perform(delete("/api/work/plans/lines/" + carried).with(api("zuzhang")).header("Accept-Language", "en"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value("This line is carried out as work item " + item
                        + " and cannot be deleted; correct it instead, and handle the item on its page."));
        mvc.perform(delete("/api/work/plans/lines/" + corrected).with(api("zuzhang")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("plan.line.delete.revised"));
        assertThat(lines(served) + lines(carried) + lines(corrected)).isEqualTo(3);

        // the page says why instead of offering the button, and a forced post gets the reason
        mvc.perform(get("/work/plans/lines/" + corrected).with(signedIn.as("zuzhang"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("这一条已修改过 1 次，修改记录须留档备查，不能删除")))
                .andExpect(content().string(not(containsString("/work/plans/lines/" + corrected + "/delete"))));
        mvc.perform(PlanTestSupport.form(signedIn, "zuzhang", "/work/plans/lines/" + served + "/delete"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("分解自这一条，不能删除")));
    }
}
