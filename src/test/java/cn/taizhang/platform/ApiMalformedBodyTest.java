package cn.taizhang.platform;

import static cn.taizhang.support.SignedIn.api;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.taizhang.support.TaizhangTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * A body the API cannot read (an unknown enum value, a date that is not ISO, a value of the wrong kind,
 * broken or missing JSON) and a parameter of the wrong kind get 400 with the usual {code, message, field},
 * naming the field by its JSON path and what was expected, in Chinese or English.
 */
@TaizhangTest
class ApiMalformedBodyTest {

    @Autowired MockMvc mvc;

    private ResultActions postJson(String path, String json, String language) throws Exception {
        var req = post(path).with(api("jiwei")).contentType(MediaType.APPLICATION_JSON).content(json);
        if (language != null) {
            req.header("Accept-Language", language);
        }
        return mvc.perform(req);
    }

    @Test
    void anUnknownEnumValueNamesTheFieldAndTheChoices() throws Exception {
        postJson("/api/work/1/stage-evaluation", "{\"rating\": \"EXCELLENT\", \"remark\": \"好\"}", null)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("api.json.invalidValue"))
                .andExpect(jsonPath("$.field").value("rating"))
                .andExpect(jsonPath("$.message").value("字段 rating 的值“EXCELLENT”无效：应为GOOD, FAIR, AVERAGE, POOR 之一。"));
        postJson("/api/work/1/stage-evaluation", "{\"rating\": \"EXCELLENT\", \"remark\": \"ok\"}", "en")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value(
                        "The field rating has an invalid value \"EXCELLENT\": expected one of GOOD, FAIR, AVERAGE, POOR."));
    }

    @Test
    void aNestedValueIsNamedByItsPath() throws Exception {
        postJson("/api/work/1/stage-evaluation", "{\"standards\": {\"operation\": \"BEST\"}, \"remark\": \"x\"}", "en")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("standards.operation"))
                .andExpect(jsonPath("$.message").value(
                        "The field standards.operation has an invalid value \"BEST\": expected one of GOOD, FAIR, AVERAGE, POOR."));
        postJson("/api/work/round/opinions", "{\"itemIds\": [1, \"two\"], \"measures\": \"x\", \"until\": \"2030-06-30\"}", null)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("itemIds[1]"))
                .andExpect(jsonPath("$.message").value("字段 itemIds[1] 的值“two”无效：应为整数。"));
    }

    @Test
    void aDateThatIsNotIsoSaysTheFormat() throws Exception {
        postJson("/api/work/round/opinions", "{\"itemIds\": [1], \"measures\": \"x\", \"until\": \"2030/6/30\"}", null)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("api.json.invalidValue"))
                .andExpect(jsonPath("$.field").value("until"))
                .andExpect(jsonPath("$.message").value("字段 until 的值“2030/6/30”无效：应为日期，格式 YYYY-MM-DD（如 2030-06-30）。"));
        postJson("/api/work/round/opinions", "{\"itemIds\": [1], \"measures\": \"x\", \"until\": \"2030-13-01\"}", "en")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value(
                        "The field until has an invalid value \"2030-13-01\": expected a date as YYYY-MM-DD (e.g. 2030-06-30)."));
    }

    @Test
    void aValueOfTheWrongKindSaysWhatWasExpected() throws Exception {
        postJson("/api/work/round/opinions", "{\"itemIds\": {\"a\": 1}, \"measures\": \"x\", \"until\": \"2030-06-30\"}", "en")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("api.json.wrongType"))
                .andExpect(jsonPath("$.field").value("itemIds"))
                .andExpect(jsonPath("$.message").value("The field itemIds has a value of the wrong kind: expected a list ([ … ])."));
        // the body as a whole of the wrong shape: a list where an object belongs
        postJson("/api/work/round/opinions", "[1, 2]", "en")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("api.json.wrongType"))
                .andExpect(jsonPath("$.field").value("$"));
    }

    @Test
    void brokenJsonSaysWhereAndAMissingBodySaysSo() throws Exception {
        postJson("/api/work/1/stage-evaluation", "{\"rating\": \"GOOD\",\n \"remark\": }", null)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("api.json.broken"))
                .andExpect(jsonPath("$.message").value("请求内容不是有效的 JSON（第 2 行第 12 列附近）。"));
        postJson("/api/work/1/stage-evaluation", "", "en")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("api.json.missing"))
                .andExpect(jsonPath("$.message").value("The request has no JSON body."));
    }

    @Test
    void aParameterOfTheWrongKindIsNamed() throws Exception {
        mvc.perform(get("/api/work").param("state", "FINISHED").with(api("jiwei")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("api.param.invalid"))
                .andExpect(jsonPath("$.field").value("state"))
                .andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.startsWith("参数 state 的值“FINISHED”无效：应为DRAFT, ")));
        mvc.perform(get("/api/work/round").param("month", "2030-6").header("Accept-Language", "en").with(api("jiwei")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("month"))
                .andExpect(jsonPath("$.message").value(
                        "The parameter month has an invalid value \"2030-6\": expected a month as YYYY-MM (e.g. 2030-06)."));
    }
}
