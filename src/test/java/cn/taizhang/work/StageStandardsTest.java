package cn.taizhang.work;

import static cn.taizhang.support.SignedIn.api;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.taizhang.method.TenantMethods;
import cn.taizhang.org.Organisation;
import cn.taizhang.org.Tenants;
import cn.taizhang.support.MutableClock;
import cn.taizhang.support.SignedIn;
import cn.taizhang.support.TaizhangTest;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The quarterly stage evaluation against the standards of the adopted method (LEDGER-6): a rating per
 * standard of the item's category, the overall rating the worst of them, on the ledger and the round;
 * evaluations made before (one rating) stay readable.
 */
@TaizhangTest
class StageStandardsTest {

    static final String STANDARDS = """
              stageEvaluation:
                standards:
                  - {code: operation, name: 工作运行好, checks: 是否按倒排的工期推进}
                  - {code: results, name: 工作业绩好, checks: 本季度目标任务的完成情况}
                  - {code: grid, name: 网格联动好, categories: [central]}
            """;

    @Autowired MockMvc mvc;
    @Autowired SignedIn signedIn;
    @Autowired Tenants tenants;
    @Autowired Organisation organisation;
    @Autowired TenantMethods methods;
    @Autowired JdbcClient jdbc;
    @Autowired MutableClock clock;

    long town;
    long construction;
    long heYongqiang;

    @BeforeEach
    void setUp() {
        clock.set(WorkTestSupport.at(2026, 9, 21, 9));
        town = WorkTestSupport.town(tenants);
        construction = WorkTestSupport.unit(organisation, tenants, "WS-CJ");
        heYongqiang = WorkTestSupport.person(organisation, tenants, "P017");
    }

    @AfterEach
    void restore() {
        clock.set(Instant.now());
        methods.adoptPreset(town, "wusi");
    }

    /** The demo township's method (wusi) with three standards, one of them only for central work. */
    private void adoptStandards() {
        methods.adoptPreset(town, "wusi");
        var draft = methods.copyForEditing(town, methods.active(town).orElseThrow().id());
        assertThat(draft.yaml()).contains("\npractices:\n");
        methods.saveDraft(town, draft.id(), draft.yaml().replace("\npractices:\n", "\npractices:\n" + STANDARDS), "标准");
        methods.adopt(town, draft.id());
    }

    private long item(String title) throws Exception {
        String body = mvc.perform(post("/api/work").with(api("shuji")).contentType(MediaType.APPLICATION_JSON).content("""
                        {"title": "%s", "categoryCode": "routine", "source": "ANNUAL_TARGET", "leadUnitId": %d,
                         "responsiblePersonId": %d, "startDate": "2026-09-01", "deadline": "2026-12-31", "target": "按期建成",
                         "reportFrequency": "MONTHLY", "assign": true}""".formatted(title, construction, heYongqiang)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return Long.parseLong(body.replaceAll("(?s)^\\{\"id\":(\\d+).*$", "$1"));
    }

    private static String unique(String title) {
        return title + "-" + UUID.randomUUID().toString().substring(0, 6);
    }

    @Test
    void theFormAsksARatingPerStandardOfTheCategoryAndTheOverallIsTheWorst() throws Exception {
        adoptStandards();
        long id = item(unique("污水管网改造"));
        mvc.perform(get("/work/{id}", id).with(signedIn.as("jiwei"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("name=\"standards[operation]\"")))
                .andExpect(content().string(containsString("是否按倒排的工期推进")))
                .andExpect(content().string(containsString("name=\"standards[results]\"")))
                // only for central work: not asked of a routine item
                .andExpect(content().string(not(containsString("standards[grid]"))))
                .andExpect(content().string(not(containsString("id=\"stage-rating\""))));

        // one standard left out: refused naming it, nothing stored
        mvc.perform(post("/work/{id}/stage-evaluation", id).with(signedIn.as("jiwei")).with(csrf())
                        .param("standards[operation]", "GOOD").param("standards[results]", "").param("remark", "进度正常"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("请评定标准“工作业绩好”（results）。")));
        assertThat(jdbc.sql("select count(*) from work_stage_evaluation where item_id = :i").param("i", id)
                .query(Long.class).single()).isZero();

        mvc.perform(post("/work/{id}/stage-evaluation", id).with(signedIn.as("jiwei")).with(csrf())
                        .param("standards[operation]", "GOOD").param("standards[results]", "AVERAGE")
                        .param("remark", "节点按期，投资完成偏慢"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select rating || '/' || rating_rule from work_stage_evaluation where item_id = :i")
                .param("i", id).query(String.class).single()).isEqualTo("AVERAGE/WORST");
        assertThat(jdbc.sql("""
                        select d.code || '=' || d.rating from work_stage_evaluation_standard d
                        join work_stage_evaluation s on s.id = d.evaluation_id where s.item_id = :i order by d.position""")
                .param("i", id).query(String.class).list()).containsExactly("operation=GOOD", "results=AVERAGE");

        // the ledger line and the round show each standard
        mvc.perform(get("/work/{id}", id).with(signedIn.as("shuji"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("<span>工作运行好</span>：<strong>好</strong>")))
                .andExpect(content().string(containsString("<span>工作业绩好</span>：<strong>一般</strong>")))
                .andExpect(content().string(containsString("（总体评定取各项中最差的一项）")));
        // the quarter is done: no form any more, a note instead; the journal has the ratings
        mvc.perform(get("/work/{id}", id).with(signedIn.as("jiwei"))).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("id=\"stage-form\""))))
                .andExpect(content().string(containsString("本季度已评估过这个事项")));
        assertThat(jdbc.sql("""
                        select (after_state ->> 'rating') || '|' || (after_state -> 'standards' ->> 'results')
                        from audit_entry where action = 'work.stageEvaluation' and entity_id = :id""")
                .param("id", String.valueOf(id)).query(String.class).single()).isEqualTo("AVERAGE|AVERAGE");
        mvc.perform(get("/work/round").with(signedIn.as("jiwei"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("工作运行好 好")))
                .andExpect(content().string(containsString("工作业绩好 一般")))
                .andExpect(content().string(containsString("节点按期，投资完成偏慢")));
    }

    @Test
    void theApiTakesTheStandardsWithTheSameRulesInBothLanguages() throws Exception {
        adoptStandards();
        long id = item(unique("农贸市场提升"));
        String url = "/api/work/" + id + "/stage-evaluation";
        mvc.perform(post(url).with(api("jiwei")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"standards\": {\"operation\": \"GOOD\", \"result\": \"FAIR\"}, \"remark\": \"好\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("inspection.stage.unknownStandard"))
                .andExpect(jsonPath("$.field").value("standards"))
                .andExpect(jsonPath("$.message").value("标准“result”不是这个事项类别的阶段评估标准；应评定的标准：operation、results。"));
        mvc.perform(post(url).with(api("jiwei")).header("Accept-Language", "en").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"standards\": {\"operation\": \"GOOD\"}, \"remark\": \"ok\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value("Please rate the standard \"工作业绩好\" (results)."));
        mvc.perform(post(url).with(api("jiwei")).header("Accept-Language", "en").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"rating\": \"GOOD\", \"standards\": {\"operation\": \"GOOD\", \"results\": \"POOR\"}, \"remark\": \"ok\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("inspection.stage.overallIsWorst"))
                .andExpect(jsonPath("$.message").value(containsString("here \"Poor\", not \"Good\"")));
        mvc.perform(post(url).with(api("jiwei")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"standards\": {\"operation\": \"FAIR\", \"results\": \"GOOD\"}, \"remark\": \"稳步推进\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.rating").value("FAIR"))
                .andExpect(jsonPath("$.standards[0].code").value("operation"))
                .andExpect(jsonPath("$.standards[1].rating").value("GOOD"));
        mvc.perform(get("/api/work/{id}", id).with(api("jiwei"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.ledger[?(@.kind == 'STAGE_EVALUATION')].stageRating").value("FAIR"))
                .andExpect(jsonPath("$.ledger[?(@.kind == 'STAGE_EVALUATION')].standardRatings[0].name").value("工作运行好"));
    }

    @Test
    void anEvaluationWithOneRatingStaysReadableAfterTheMethodGetsStandards() throws Exception {
        methods.adoptPreset(town, "wusi");
        long id = item(unique("文化礼堂"));
        String url = "/api/work/" + id + "/stage-evaluation";
        // without standards: rating them is refused, one rating is taken
        mvc.perform(post(url).with(api("jiwei")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"rating\": \"GOOD\", \"standards\": {\"operation\": \"GOOD\"}, \"remark\": \"好\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("inspection.stage.noStandards"));
        mvc.perform(post(url).with(api("jiwei")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"rating\": \"FAIR\", \"remark\": \"主体完工\"}"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.rating").value("FAIR"));
        adoptStandards();
        mvc.perform(get("/work/{id}", id).with(signedIn.as("shuji"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("<span class=\"badge text-bg-info\">较好</span>")))
                .andExpect(content().string(not(containsString("（总体评定取各项中最差的一项）"))));
        mvc.perform(get("/work/round").with(signedIn.as("jiwei"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("主体完工")));
        assertThat(jdbc.sql("select rating_rule from work_stage_evaluation where item_id = :i").param("i", id)
                .query(String.class).single()).isEqualTo("ENTERED");
    }
}
