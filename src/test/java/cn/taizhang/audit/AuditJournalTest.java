package cn.taizhang.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.taizhang.support.MutableClock;
import cn.taizhang.support.TaizhangTest;
import com.jayway.jsonpath.JsonPath;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

@TaizhangTest
class AuditJournalTest {

    private static final String PASSWORD = "Taizhang@2026";

    @Autowired MockMvc mvc;
    @Autowired AuditJournal journal;
    @Autowired JdbcClient jdbc;
    @Autowired UserDetailsService users;
    @Autowired MutableClock clock;

    private long anyEntry() {
        journal.record(null, "test.appendOnly", "test_append", 1, "只能追加", null, Map.of("a", 1), null);
        return jdbc.sql("select max(id) from audit_entry").query(Long.class).single();
    }

    @Test
    void theDatabaseRefusesToChangeOrRemoveAnEntry() {
        long id = anyEntry();
        assertThatThrownBy(() -> jdbc.sql("update audit_entry set summary = 'forged' where id = :id").param("id", id).update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from audit_entry where id = :id").param("id", id).update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("truncate audit_entry").update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        assertThat(jdbc.sql("select summary from audit_entry where id = :id").param("id", id).query(String.class).single())
                .isEqualTo("只能追加");
    }

    @Test
    void theProductHasNoWayToChangeOrRemoveAnEntry() throws Exception {
        long id = anyEntry();
        var auditor = httpBasic("auditadmin", PASSWORD);
        mvc.perform(delete("/api/audit/" + id).with(auditor)).andExpect(status().is4xxClientError());
        mvc.perform(put("/api/audit/" + id).with(auditor)).andExpect(status().is4xxClientError());
        mvc.perform(post("/api/audit").with(auditor)).andExpect(status().is4xxClientError());
        assertThat(jdbc.sql("select count(*) from audit_entry where id = :id").param("id", id).query(Long.class).single())
                .isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sysadmin", "secadmin", "county", "shuji"})
    void nobodyButTheAuditAdministratorReadsTheJournal(String username) throws Exception {
        mvc.perform(get("/audit").with(user(users.loadUserByUsername(username)))).andExpect(status().isForbidden());
        mvc.perform(get("/api/audit").with(httpBasic(username, PASSWORD))).andExpect(status().isForbidden());
    }

    @Test
    void theAuditAdministratorReadsTheJournalOnThePageAndThroughTheApi() throws Exception {
        journal.record(null, "test.visible", "test_visible", 7, "审计员能看到的记录", Map.of("name", "旧名"),
                Map.of("name", "新名"), "更正名称");
        mvc.perform(get("/audit").param("entityType", "test_visible").with(user(users.loadUserByUsername("auditadmin"))))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("审计员能看到的记录")))
                .andExpect(content().string(Matchers.containsString("更正名称")))
                .andExpect(content().string(Matchers.containsString("旧名")))
                .andExpect(content().string(Matchers.containsString("新名")));
        mvc.perform(get("/api/audit").param("entityType", "test_visible").with(httpBasic("auditadmin", PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.entries[0].summary").value("审计员能看到的记录"))
                .andExpect(jsonPath("$.entries[0].before.name").value("旧名"))
                .andExpect(jsonPath("$.entries[0].after.name").value("新名"))
                .andExpect(jsonPath("$.entries[0].reason").value("更正名称"))
                .andExpect(jsonPath("$.nextBefore").doesNotExist());
    }

    @Test
    void keysetPagesGoNewestFirstWithoutGapsOrRepeats() throws Exception {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            journal.record(null, "test.paged", "test_paged", i, "分页 " + i, null, null, null);
            ids.add(jdbc.sql("select max(id) from audit_entry").query(Long.class).single());
        }
        List<Long> seen = new ArrayList<>();
        String before = null;
        int pages = 0;
        do {
            var request = get("/api/audit").param("entityType", "test_paged").param("size", "3")
                    .with(httpBasic("auditadmin", PASSWORD));
            if (before != null) {
                request.param("before", before);
            }
            String body = mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            List<Number> pageIds = JsonPath.read(body, "$.entries[*].id");
            pageIds.forEach(n -> seen.add(n.longValue()));
            Object next = JsonPath.read(body, "$.nextBefore");
            before = next == null ? null : next.toString();
            pages++;
        } while (before != null && pages < 10);

        assertThat(pages).isEqualTo(3);
        List<Long> newestFirst = new ArrayList<>(ids);
        java.util.Collections.reverse(newestFirst);
        assertThat(seen).containsExactlyElementsOf(newestFirst);

        // the page offers the older page as a link carrying the filter
        mvc.perform(get("/audit").param("entityType", "test_paged").param("size", "3")
                        .with(user(users.loadUserByUsername("auditadmin"))))
                .andExpect(content().string(Matchers.containsString(
                        "/audit?entityType=test_paged&amp;size=3&amp;before=" + ids.get(4))));
    }

    @Test
    void filtersSelectByTenantActorActionEntityDateAndText() throws Exception {
        Instant realNow = clock.instant();
        try {
            clock.set(Instant.parse("2025-03-09T17:00:00Z")); // 2025-03-10 01:00 in Shanghai
            journal.record(42L, "test.filter.old", "test_filter", "A", "早先的记录 apple", null, null, null);
            clock.set(Instant.parse("2025-03-11T03:00:00Z"));
            signedInAs("county");
            journal.record(43L, "test.filter.new", "test_filter", "B", "后来的记录 banana 100%", null, null, null);
            SecurityContextHolder.clearContext();
            journal.record(42L, "other.filter", "test_filter", "C", "另一个操作 cherry", null, null, null);
        } finally {
            SecurityContextHolder.clearContext();
            clock.set(realNow);
        }
        expect(Map.of("tenantId", "42"), "A", "C");
        expect(Map.of("actor", "county"), "B");
        expect(Map.of("action", "test.filter."), "A", "B");
        expect(Map.of("action", "test.filter.old"), "A");
        expect(Map.of("entityId", "C"), "C");
        expect(Map.of("from", "2025-03-11"), "B", "C");
        expect(Map.of("to", "2025-03-10"), "A");
        expect(Map.of("from", "2025-03-10", "to", "2025-03-10"), "A");
        expect(Map.of("text", "BANANA"), "B");
        expect(Map.of("text", "100%"), "B");
        expect(Map.of("text", "%"), "B");
        expect(Map.of("tenantId", "42", "text", "cherry"), "C");
    }

    private void signedInAs(String username) {
        UserDetails principal = users.loadUserByUsername(username);
        SecurityContextHolder.getContext().setAuthentication(
                new UsernamePasswordAuthenticationToken(principal, null, principal.getAuthorities()));
    }

    private void expect(Map<String, String> filter, String... entityIdsNewestFirst) throws Exception {
        var request = get("/api/audit").param("entityType", "test_filter").with(httpBasic("auditadmin", PASSWORD));
        filter.forEach(request::param);
        String body = mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        List<String> found = JsonPath.read(body, "$.entries[*].entityId");
        assertThat(found).as(filter.toString()).containsExactly(reversedOrder(entityIdsNewestFirst));
    }

    /** The entries were written A, B, C; the journal lists them newest first. */
    private static String[] reversedOrder(String[] ids) {
        String[] r = ids.clone();
        java.util.Arrays.sort(r, java.util.Comparator.reverseOrder());
        return r;
    }
}
