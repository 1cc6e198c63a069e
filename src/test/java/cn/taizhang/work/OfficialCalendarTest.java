package cn.taizhang.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.taizhang.org.Tenants;
import cn.taizhang.support.SignedIn;
import cn.taizhang.support.TaizhangTest;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The system administrator extends the official calendar with the next year (WORK-6). */
@TaizhangTest
class OfficialCalendarTest {

    @Autowired MockMvc mvc;
    @Autowired SignedIn signedIn;
    @Autowired Tenants tenants;
    @Autowired WorkingDays workingDays;

    @Test
    void theSystemAdministratorAddsNextYearsHolidaysAndWorkingDaysFollow_WORK6() throws Exception {
        long town = WorkTestSupport.town(tenants);
        LocalDate newYear2027 = LocalDate.of(2027, 1, 1); // a Friday
        assertThat(workingDays.isWorkingDay(town, newYear2027)).isTrue();
        mvc.perform(get("/work/calendar").param("year", "2026").with(signedIn.as("shuji"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("国庆节调休上班")));
        // the leadership reads it but cannot change it
        mvc.perform(post("/work/calendar").with(signedIn.as("shuji")).with(csrf())
                .param("day", "2027-01-01").param("working", "false").param("name", "元旦")).andExpect(status().isForbidden());
        mvc.perform(post("/work/calendar").with(signedIn.as("sysadmin")).with(csrf())
                .param("day", "2027-01-01").param("working", "false").param("name", ""))
                .andExpect(status().isOk()).andExpect(content().string(containsString("请填写名称")));
        mvc.perform(post("/work/calendar").with(signedIn.as("sysadmin")).with(csrf())
                .param("day", "2027-01-01").param("working", "false").param("name", "元旦"))
                .andExpect(status().is3xxRedirection());
        assertThat(workingDays.isWorkingDay(town, newYear2027)).isFalse();
        mvc.perform(get("/work/calendar").param("year", "2027").param("lang", "en").with(signedIn.as("sysadmin")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("元旦")));
    }
}
