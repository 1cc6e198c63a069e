package cn.taizhang.work;

import static cn.taizhang.support.SignedIn.api;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.taizhang.org.Tenants;
import cn.taizhang.support.SignedIn;
import cn.taizhang.support.TaizhangTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The ledger filtered by unit, for those who see the whole township: the SQL once lost a space
 * there and answered 500 (found by the ledger benchmark); a unit's list holds what it leads and what
 * it assists (kept in work_item.unit_ids by triggers since V16).
 */
@TaizhangTest
class LedgerFilterTest {

    @Autowired MockMvc mvc;
    @Autowired SignedIn signedIn;
    @Autowired Tenants tenants;
    @Autowired JdbcClient jdbc;

    @Test
    void leadershipAndDisciplineFilterTheLedgerByUnit_LEDGER1() throws Exception {
        long town = tenants.findByCode("demo-town").orElseThrow().id();
        long unit = jdbc.sql("select id from org_unit where tenant_id = :t and code = 'WS-CJ'").param("t", town)
                .query(Long.class).single();
        for (String user : new String[] {"shuji", "jiwei"}) {
            mvc.perform(get("/work").param("unit", String.valueOf(unit)).with(signedIn.as(user)))
                    .andExpect(status().isOk());
            mvc.perform(get("/api/work").param("unit", String.valueOf(unit)).param("light", "RED")
                    .param("dueFrom", "2026-01-01").param("dueTo", "2026-12-31").with(api(user)))
                    .andExpect(status().isOk());
        }
    }

    @Test
    void anItemIsListedUnderItsLeadUnitAndEveryAssistingUnit_LEDGER1() throws Exception {
        long town = tenants.findByCode("demo-town").orElseThrow().id();
        long construction = unit(town, "WS-CJ");
        long assisting = unit(town, "WS-DG");
        long unrelated = unit(town, "WS-DZB");
        long luoDan = jdbc.sql("select id from person where tenant_id = :t and code = 'P019'").param("t", town)
                .query(Long.class).single();
        String title = "协办筛选 " + System.nanoTime();
        String body = mvc.perform(post("/api/work").with(api("shuji")).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"title": "%s", "categoryCode": "routine", "source": "RESIDENT_REQUEST", "leadUnitId": %d,
                                 "assistUnitIds": [%d], "responsiblePersonId": %d, "startDate": "2030-03-01",
                                 "deadline": "2030-03-29", "target": "x", "assign": true}""".formatted(title, construction,
                                assisting, luoDan)))
                .andReturn().getResponse().getContentAsString();
        assertThat(body).contains(title);

        assertThat(titlesUnder(construction)).contains(title);
        assertThat(titlesUnder(assisting)).contains(title);
        assertThat(titlesUnder(unrelated)).doesNotContain(title);
    }

    private String titlesUnder(long unit) throws Exception {
        return mvc.perform(get("/work").param("unit", String.valueOf(unit)).param("dueFrom", "2030-03-29")
                        .param("dueTo", "2030-03-29").with(signedIn.as("shuji")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private long unit(long town, String code) {
        return jdbc.sql("select id from org_unit where tenant_id = :t and code = :c").param("t", town).param("c", code)
                .query(Long.class).single();
    }
}
