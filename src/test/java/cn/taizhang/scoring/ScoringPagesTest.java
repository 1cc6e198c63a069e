package cn.taizhang.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.taizhang.method.MethodDefinition.SubjectKind;
import cn.taizhang.org.DataScope;
import cn.taizhang.org.Organisation;
import cn.taizhang.org.Person;
import cn.taizhang.org.Tenants;
import cn.taizhang.shared.CurrentUser;
import cn.taizhang.shared.Role;
import cn.taizhang.support.SignedIn;
import cn.taizhang.support.TaizhangTest;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The scoring pages render in both languages; entry, confirmation and appeal go through forms. */
@TaizhangTest
class ScoringPagesTest {

    @Autowired MockMvc mvc;
    @Autowired SignedIn signedIn;
    @Autowired Tenants tenants;
    @Autowired Organisation organisation;
    @Autowired ScoreEvents events;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;
    @Autowired cn.taizhang.method.TenantMethods methods;
    @Autowired RatingSheets sheets;
    @Autowired Assessments assessments;

    long town;
    Person luoDan;
    ScoreEvent confirmed;

    @BeforeEach
    void setUp() {
        town = tenants.findByCode("demo-town").orElseThrow().id();
        luoDan = organisation.people(DataScope.wholeTenant(town), town, null, "P019", false).stream()
                .filter(p -> p.code().equals("P019")).findFirst().orElseThrow();
        CurrentUser proposer = new CurrentUser(0, "someone", "某干部", town, null, Set.of(Role.STAFF), null);
        CurrentUser discipline = new CurrentUser(0, "jiwei", "赵志刚", town, null, Set.of(Role.DISCIPLINE), null);
        ScoreEvent e = events.propose(proposer, new ScoreEvents.Proposal("conduct", List.of(new SubjectRef(SubjectKind.PERSON,
                luoDan.id())), true, new BigDecimal("2"), false, null, LocalDate.now(clock), "下村服务态度生硬，群众投诉",
                "投诉登记表 2 份", null, null));
        confirmed = events.confirm(discipline, e.id());
    }

    @ParameterizedTest
    @ValueSource(strings = {"zh_CN", "en"})
    void everyScoringPageRendersWithoutAMissingText(String lang) throws Exception {
        String year = String.valueOf(LocalDate.now(clock).getYear());
        for (String path : new String[] {"/scoring", "/scoring/events/new", "/scoring/events/" + confirmed.id(),
                "/scoring/queue", "/scoring/mine", "/scoring/appeals", "/scoring/sheets/new", "/scoring/rankings",
                "/scoring/rankings?target=ordinary&cycle=" + year + "-H2", "/scoring/regulations",
                "/scoring/explanations/total/" + year + "/PERSON/" + luoDan.id()}) {
            mvc.perform(get(path).param("lang", lang).with(signedIn.as("shuji")))
                    .andExpect(status().isOk())
                    .andExpect(content().string(not(containsString("??"))));
        }
        for (String path : new String[] {"/scoring", "/scoring/my", "/scoring/events/" + confirmed.id(),
                "/scoring/explanations/total/" + year + "/PERSON/" + luoDan.id()}) {
            mvc.perform(get(path).param("lang", lang).with(signedIn.as("ganbu")))
                    .andExpect(status().isOk())
                    .andExpect(content().string(not(containsString("??"))));
        }
    }

    @Test
    void myPointsShowEveryPointWithItsReasonAndTheBonusDeduction_SCORE7() throws Exception {
        mvc.perform(get("/scoring/my").with(signedIn.as("ganbu")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("下村服务态度生硬，群众投诉")))
                .andExpect(content().string(containsString("绩效奖金扣减")))
                .andExpect(content().string(not(containsString("罚款"))));
    }

    @Test
    void aProposalThroughTheFormIsConfirmedThroughTheQueue() throws Exception {
        mvc.perform(post("/scoring/events/new").with(signedIn.as("zuzhang")).with(csrf())
                        .param("itemCode", "information").param("subjects", "PERSON:" + luoDan.id())
                        .param("deduct", "false").param("points", "3").param("reason", "及时报送汛情信息")
                        .param("occurredOn", LocalDate.now(clock).toString()).param("idempotencyKey", "page-key-1"))
                .andExpect(redirectedUrlPattern("/scoring/events/*"))
                .andExpect(flash().attributeExists("flash"));
        long id = jdbc.sql("select id from score_event where tenant_id = :t and idempotency_key = 'page-key-1'")
                .param("t", town).query(Long.class).single();
        mvc.perform(get("/scoring/queue").with(signedIn.as("jiwei")))
                .andExpect(content().string(containsString("及时报送汛情信息")));
        mvc.perform(post("/scoring/events/" + id + "/confirm").with(signedIn.as("jiwei")).with(csrf()))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl("/scoring/queue"));
        assertThat(jdbc.sql("select state from score_event where id = :id").param("id", id).query(String.class).single())
                .isEqualTo("CONFIRMED");
    }

    @Test
    void aPointOutsideTheRangeIsShownAtTheField() throws Exception {
        mvc.perform(post("/scoring/events/new").with(signedIn.as("zuzhang")).with(csrf())
                        .param("itemCode", "duty").param("subjects", "PERSON:" + luoDan.id())
                        .param("deduct", "true").param("points", "12").param("reason", "脱岗"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("超出“值班”每次 1—10 分的范围")));
    }

    @Test
    void theScoredPersonAppealsThroughTheEventPage() throws Exception {
        mvc.perform(post("/scoring/events/" + confirmed.id() + "/appeal").with(signedIn.as("ganbu")).with(csrf())
                        .param("reason", ""))
                .andExpect(status().isOk()).andExpect(content().string(containsString("请写明原因")));
        mvc.perform(post("/scoring/events/" + confirmed.id() + "/appeal").with(signedIn.as("ganbu")).with(csrf())
                        .param("reason", "当天系统记录有误"))
                .andExpect(redirectedUrlPattern("/scoring/events/*"));
        mvc.perform(get("/scoring/appeals").with(signedIn.as("shuji")))
                .andExpect(content().string(containsString("当天系统记录有误")));
    }

    @Test
    void anotherTownshipsEventByAGuessedIdIsNotFoundOnThePage() throws Exception {
        long foreign = jdbc.sql("select coalesce(max(id), 0) + 100000 from score_event").query(Long.class).single();
        mvc.perform(get("/scoring/events/" + foreign).with(signedIn.as("shuji"))).andExpect(status().isNotFound());
        var elsewhere = new Township("wusi", tenants, methods, organisation, events, sheets, assessments);
        var stranger = elsewhere.person(elsewhere.unit(cn.taizhang.org.UnitKind.OFFICE, "办公室"), "外镇人");
        ScoreEvent other = elsewhere.scored("duty", LocalDate.now(clock), "-1", "外镇", Township.of(stranger));
        mvc.perform(get("/scoring/events/" + other.id()).with(signedIn.as("shuji"))).andExpect(status().isNotFound());
        // staff see their own entry, not a colleague's
        mvc.perform(get("/scoring/events/" + confirmed.id()).with(signedIn.as("ganbu"))).andExpect(status().isOk());
        mvc.perform(get("/scoring/explanations/total/" + LocalDate.now(clock).getYear() + "/PERSON/" + (luoDan.id() + 1))
                .with(signedIn.as("ganbu"))).andExpect(status().isNotFound());
    }

    @Test
    void staffCannotOpenTheQueueOrTheRankings() throws Exception {
        mvc.perform(get("/scoring/queue").with(signedIn.as("ganbu"))).andExpect(status().isForbidden());
        mvc.perform(get("/scoring/rankings").with(signedIn.as("ganbu"))).andExpect(status().isForbidden());
    }
}
