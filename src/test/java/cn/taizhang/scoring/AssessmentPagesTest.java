package cn.taizhang.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.taizhang.method.MethodDefinition.SubjectKind;
import cn.taizhang.org.DataScope;
import cn.taizhang.org.OrgUnit;
import cn.taizhang.org.Organisation;
import cn.taizhang.org.Person;
import cn.taizhang.org.Organisation.PersonDetails;
import cn.taizhang.org.Position;
import cn.taizhang.org.Rank;
import cn.taizhang.org.Tenants;
import cn.taizhang.org.UnitKind;
import cn.taizhang.shared.CurrentUser;
import cn.taizhang.shared.Role;
import cn.taizhang.support.SignedIn;
import cn.taizhang.support.TaizhangTest;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The what-if page (ASSESS point 7) and the consequences page, in the demo township (wusi). */
@TaizhangTest
class AssessmentPagesTest {

    @Autowired MockMvc mvc;
    @Autowired SignedIn signedIn;
    @Autowired Tenants tenants;
    @Autowired Organisation organisation;
    @Autowired ScoreEvents events;
    @Autowired RatingSheets sheets;
    @Autowired Clock clock;

    private static final java.util.concurrent.atomic.AtomicInteger YEARS = new java.util.concurrent.atomic.AtomicInteger();

    String suffix;
    String year;
    Person a;
    Person b;

    @BeforeEach
    void setUp() {
        long town = tenants.findByCode("demo-town").orElseThrow().id();
        DataScope all = DataScope.wholeTenant(town);
        suffix = UUID.randomUUID().toString().substring(0, 6);
        OrgUnit root = organisation.tree(all, town, false).get(0);
        OrgUnit office = organisation.createUnit(all, root.id(), UnitKind.OFFICE, "WI-" + suffix, "测算办" + suffix, 99);
        a = organisation.createPerson(all, new PersonDetails(office.id(), "WA-" + suffix, "甲" + suffix, null,
                Position.STAFF, null, Rank.CLERK, null, null));
        b = organisation.createPerson(all, new PersonDetails(office.id(), "WB-" + suffix, "乙" + suffix, null,
                Position.STAFF, null, Rank.CLERK, null, null));
        CurrentUser leader = new CurrentUser(0, "shuji", "书记", town, null, Set.of(Role.LEADERSHIP), null);
        // a past year nobody else scores in (one per test); events and the evaluation are 50/50 in ordinary
        int y = LocalDate.now(clock).getYear() - 4 - YEARS.getAndIncrement();
        year = String.valueOf(y);
        // 甲: events 20, no evaluation (left out, re-weighted) → 20.00
        events.special(leader, List.of(new SubjectRef(SubjectKind.PERSON, a.id())), new BigDecimal("20"),
                LocalDate.of(y, 3, 1), "专项工作", null, null);
        // 乙: events 10, evaluation 40 (representatives only, re-weighted) → 0.5 × 10 + 0.5 × 40 = 25.00
        events.special(leader, List.of(new SubjectRef(SubjectKind.PERSON, b.id())), new BigDecimal("10"),
                LocalDate.of(y, 3, 1), "专项工作", null, null);
        sheets.enter(leader, new RatingSheets.Entry("ordinary", "evaluation", year, RatingSheets.RaterKind.BALLOT,
                "wi-" + suffix, "representatives", new SubjectRef(SubjectKind.PERSON, b.id()), new BigDecimal("40"),
                null, null));
    }

    @Test
    void theWhatIfPageShowsTheRankChangeWhenTheWeightsChange() throws Exception {
        // events 90 / evaluation 10: 甲 stays 20.00, 乙 = 0.9 × 10 + 0.1 × 40 = 13.00 → 甲 moves up, 乙 down
        String html = mvc.perform(post("/scoring/what-if").with(signedIn.as("shuji")).with(csrf())
                        .param("target", "ordinary").param("cycle", year)
                        .param("component.ordinary.events", "90").param("component.ordinary.evaluation", "10")
                        .param("rater.ordinary.evaluation.leadership", "50").param("rater.ordinary.evaluation.heads", "30")
                        .param("rater.ordinary.evaluation.representatives", "20")
                        .param("missing.ordinary.evaluation", "REWEIGHT_AND_FLAG"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String rowA = row(html, "甲" + suffix);
        String rowB = row(html, "乙" + suffix);
        assertThat(rowA).contains("what-if-changed").contains("20.00").contains("↑ 1");
        assertThat(rowB).contains("what-if-changed").contains("25.00").contains("13.00").contains("↓ 1");
        // nothing was adopted: the ranking page still shows 乙 first
        String ranking = mvc.perform(get("/scoring/rankings").param("target", "ordinary").param("cycle", year)
                .with(signedIn.as("shuji"))).andReturn().getResponse().getContentAsString();
        assertThat(ranking.indexOf("乙" + suffix)).isLessThan(ranking.indexOf("甲" + suffix));
    }

    @Test
    void theSecretaryKeepsARankingOnRecordFromItsPageAndItReadsAsStored() throws Exception {
        String page = mvc.perform(get("/scoring/rankings").param("target", "ordinary").param("cycle", year)
                .with(signedIn.as("shuji"))).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"store-run\"");
        String location = mvc.perform(post("/scoring/runs").with(signedIn.as("shuji")).with(csrf())
                        .param("target", "ordinary").param("cycle", year))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(location).matches("/scoring/runs/\\d+");
        String stored = mvc.perform(get(location).with(signedIn.as("shuji")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(stored.indexOf("乙" + suffix)).isPositive().isLessThan(stored.indexOf("甲" + suffix));
        assertThat(stored).contains("25.00").contains("20.00");

        // staff see the ranking but neither the button nor the right to store
        assertThat(mvc.perform(get("/scoring/rankings").param("target", "ordinary").param("cycle", year)
                .with(signedIn.as("ganbu"))).andReturn().getResponse().getContentAsString()).doesNotContain("store-run");
        mvc.perform(post("/scoring/runs").with(signedIn.as("ganbu")).with(csrf())
                .param("target", "ordinary").param("cycle", year)).andExpect(status().isForbidden());
    }

    @Test
    void weightsThatDoNotAddUpAreRefusedNamingTheField() throws Exception {
        mvc.perform(post("/scoring/what-if").with(signedIn.as("shuji")).with(csrf())
                        .param("target", "ordinary").param("cycle", year)
                        .param("component.ordinary.events", "90").param("component.ordinary.evaluation", "20")
                        .param("rater.ordinary.evaluation.leadership", "50").param("rater.ordinary.evaluation.heads", "30")
                        .param("rater.ordinary.evaluation.representatives", "20"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("“平时考核（含半年、年终）”的权重合计为 110，必须为 100。")))
                .andExpect(content().string(not(containsString("id=\"what-if\""))));
        mvc.perform(post("/scoring/what-if").with(signedIn.as("shuji")).with(csrf()).param("lang", "en")
                        .param("target", "ordinary").param("cycle", year)
                        .param("component.ordinary.events", "abc").param("component.ordinary.evaluation", "50")
                        .param("rater.ordinary.evaluation.leadership", "50").param("rater.ordinary.evaluation.heads", "30")
                        .param("rater.ordinary.evaluation.representatives", "20"))
                .andExpect(content().string(containsString("&quot;abc&quot; is not a number.")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"zh_CN", "en"})
    void theNewPagesRenderWithoutAMissingText(String lang) throws Exception {
        for (String path : new String[] {"/scoring/what-if", "/scoring/what-if?target=total&cycle=" + year,
                "/scoring/consequences", "/scoring/consequences?cycle=" + year}) {
            mvc.perform(get(path).param("lang", lang).with(signedIn.as("shuji")))
                    .andExpect(status().isOk()).andExpect(content().string(not(containsString("??"))));
        }
        mvc.perform(get("/scoring/what-if").with(signedIn.as("ganbu"))).andExpect(status().isForbidden());
        mvc.perform(get("/scoring/consequences").with(signedIn.as("ganbu"))).andExpect(status().isForbidden());
    }

    private static String row(String html, String name) {
        int i = html.indexOf(">" + name + "<");
        assertThat(i).as(name + " in the what-if table").isPositive();
        int start = html.lastIndexOf("<tr", i);
        return html.substring(start, html.indexOf("</tr>", i));
    }
}
