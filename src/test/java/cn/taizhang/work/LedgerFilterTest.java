package cn.taizhang.work;

import static cn.taizhang.support.SignedIn.api;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.taizhang.org.Tenants;
import cn.taizhang.support.SignedIn;
import cn.taizhang.support.TaizhangTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The ledger filtered by unit, for those who see the whole township: the SQL once lost a space
 * there and answered 500 (found by the ledger benchmark).
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
}
