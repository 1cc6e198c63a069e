package cn.taizhang.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.taizhang.support.SignedIn;
import cn.taizhang.support.TaizhangTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The organisation pages render in both languages, and refused input is shown at its field. */
@TaizhangTest
class OrgPagesTest {

    @Autowired MockMvc mvc;
    @Autowired SignedIn signedIn;
    @Autowired Tenants tenants;
    @Autowired UnitRepository units;
    @Autowired PersonRepository people;
    @Autowired JdbcClient jdbc;

    long town;
    OrgUnit root;
    OrgUnit group;
    Person person;

    @BeforeEach
    void setUp() {
        town = tenants.findByCode("demo-town").orElseThrow().id();
        root = units.root(town).orElseThrow();
        group = units.findByCode(town, "WS-JJ").orElseThrow();
        person = people.findByCode(town, "P031").orElseThrow();
    }

    @ParameterizedTest
    @ValueSource(strings = {"zh_CN", "en"})
    void everyOrganisationPageRendersWithoutAMissingText(String lang) throws Exception {
        for (String path : new String[] {"/", "/org", "/org/units/" + root.id(), "/org/units/" + group.id(),
                "/org/units/new?parent=" + root.id(), "/org/units/" + group.id() + "/edit",
                "/org/units/" + group.id() + "/move", "/org/people", "/org/people?unit=" + group.id() + "&q=许",
                "/org/people/" + person.id(), "/org/people/new", "/org/people/" + person.id() + "/edit", "/org/excel"}) {
            mvc.perform(get(path).param("lang", lang).with(signedIn.as("shuji")))
                    .andExpect(status().isOk())
                    .andExpect(content().string(not(containsString("??"))));
        }
    }

    @Test
    void unitAndPersonPagesOfferDeactivationWithAReason() throws Exception {
        mvc.perform(get("/org/units/{id}", group.id()).with(signedIn.as("shuji")))
                .andExpect(content().string(containsString("action=\"/org/units/" + group.id() + "/deactivate\"")));
        mvc.perform(get("/org/people/{id}", person.id()).with(signedIn.as("shuji")))
                .andExpect(content().string(containsString("action=\"/org/people/" + person.id() + "/deactivate\"")));
        mvc.perform(get("/org/people/{id}", person.id()).with(signedIn.as("jiwei")))
                .andExpect(content().string(not(containsString("/deactivate"))));
    }

    @Test
    void aPersonWithoutANameIsRefusedAtTheField() throws Exception {
        mvc.perform(post("/org/people/new").with(signedIn.as("shuji")).with(csrf())
                        .param("unitId", String.valueOf(group.id())).param("code", "P777").param("name", "")
                        .param("position", "STAFF").param("rank", "NONE"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("请填写名称")));
        assertThat(people.findByCode(town, "P777")).isEmpty();
    }

    @Test
    void aNewPersonIsStoredAndJournalled() throws Exception {
        mvc.perform(post("/org/people/new").with(signedIn.as("shuji")).with(csrf())
                        .param("unitId", String.valueOf(group.id())).param("code", "P778").param("name", "新同志")
                        .param("position", "STAFF").param("rank", "CLERK").param("title", "招商专干"))
                .andExpect(redirectedUrlPattern("/org/people/*"));
        Person created = people.findByCode(town, "P778").orElseThrow();
        assertThat(created.unitId()).isEqualTo(group.id());
        assertThat(jdbc.sql("select actor_name from audit_entry where action = 'person.created' and entity_id = :id")
                .param("id", String.valueOf(created.id())).query(String.class).single()).contains("shuji");
    }

    @Test
    void aUnitCannotMoveUnderItsOwnSubtree() throws Exception {
        OrgUnit child = units.findByCode(town, "WS-JJ-SUB").orElseGet(() -> {
            long id = units.insert(town, group.id(), group.path(), UnitKind.GROUP, "WS-JJ-SUB", "招商小组", 0);
            return units.find(town, id).orElseThrow();
        });
        mvc.perform(post("/org/units/{id}/move", group.id()).with(signedIn.as("shuji")).with(csrf())
                        .param("targetId", String.valueOf(child.id())).param("reason", "试试"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("不能把“经济发展组”移到它自己的下级“招商小组”之下")));
        assertThat(units.find(town, group.id()).orElseThrow().parentId()).isEqualTo(root.id());
    }

    @Test
    void aGroupHasOneLeader_ORG3() throws Exception {
        Person other = people.findByCode(town, "P032").orElseThrow();
        mvc.perform(post("/org/units/{id}/members", group.id()).with(signedIn.as("shuji")).with(csrf())
                        .param("personId", String.valueOf(other.id())).param("role", "LEADER"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select count(*) from group_membership where unit_id = :u and role = 'LEADER' and active")
                .param("u", group.id()).query(Long.class).single()).isEqualTo(1);
        mvc.perform(get("/org/units/{id}", group.id()).with(signedIn.as("shuji")))
                .andExpect(content().string(containsString("杨帆")));
    }

    @Test
    void aPostWonInCompetitiveSelectionRunsForOneYear_ORG3() throws Exception {
        Person member = people.findByCode(town, "P033").orElseThrow();
        OrgUnit command = units.findByCode(town, "WS-XN").orElseThrow();
        mvc.perform(post("/org/units/{id}/members", command.id()).with(signedIn.as("shuji")).with(csrf())
                        .param("personId", String.valueOf(member.id())).param("role", "MEMBER")
                        .param("basis", "COMPETITIVE_SELECTION").param("basisNote", "2026年竞聘上岗"))
                .andExpect(status().is3xxRedirection());
        java.time.LocalDate termEnd = jdbc.sql(
                        "select term_end from group_membership where unit_id = :u and person_id = :p and active")
                .param("u", command.id()).param("p", member.id()).query(java.time.LocalDate.class).single();
        assertThat(termEnd).isEqualTo(java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusYears(1));
    }

    @Test
    void aUnitWithPeopleCannotBeDeactivated() throws Exception {
        mvc.perform(post("/org/units/{id}/deactivate", units.findByCode(town, "WS-CZS").orElseThrow().id())
                        .with(signedIn.as("shuji")).with(csrf()).param("reason", "撤并"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("还有在岗人员")));
    }
}
