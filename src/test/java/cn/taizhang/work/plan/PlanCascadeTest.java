package cn.taizhang.work.plan;

import static cn.taizhang.work.plan.PlanTestSupport.form;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.taizhang.org.DataScope;
import cn.taizhang.org.OrgUnit;
import cn.taizhang.org.Organisation;
import cn.taizhang.org.Person;
import cn.taizhang.org.Position;
import cn.taizhang.org.Rank;
import cn.taizhang.org.Tenant;
import cn.taizhang.org.TenantKind;
import cn.taizhang.org.Tenants;
import cn.taizhang.org.UnitKind;
import cn.taizhang.support.SignedIn;
import cn.taizhang.support.TaizhangTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** The plan cascade (WORK-3) with measurable targets (WORK-4), through the pages. */
@TaizhangTest
class PlanCascadeTest {

    @Autowired MockMvc mvc;
    @Autowired SignedIn signedIn;
    @Autowired Tenants tenants;
    @Autowired Organisation organisation;
    @Autowired JdbcClient jdbc;

    long construction;  // 城建组, zuzhang's group
    long familyPlanning; // 计生组, outside zuzhang's scope
    long chenMing;      // P006 zuzhang
    long heYongqiang;   // P017
    long luoDan;        // P019 ganbu

    @BeforeEach
    void setUp() {
        construction = PlanTestSupport.unit(organisation, tenants, "WS-CJ");
        familyPlanning = PlanTestSupport.unit(organisation, tenants, "WS-JS");
        chenMing = PlanTestSupport.person(organisation, tenants, "P006");
        heYongqiang = PlanTestSupport.person(organisation, tenants, "P017");
        luoDan = PlanTestSupport.person(organisation, tenants, "P019");
    }

    private long created(ResultActions r, String prefix) throws Exception {
        String location = r.andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(location).matches(prefix + "\\d+");
        return Long.parseLong(location.substring(prefix.length()));
    }

    private long plan(String user, String level, int year, Integer month, Long unit, Long person, String title)
            throws Exception {
        return created(mvc.perform(form(signedIn, user, "/work/plans/new", "level", level, "year", String.valueOf(year),
                "month", month == null ? "" : String.valueOf(month), "unitId", unit == null ? "" : String.valueOf(unit),
                "personId", person == null ? "" : String.valueOf(person), "title", title)), "/work/plans/");
    }

    private ResultActions line(String user, long plan, String content, String deadline, long unit, long person,
                               Long serves) throws Exception {
        return mvc.perform(form(signedIn, user, "/work/plans/" + plan + "/lines", "content", content,
                "standard", "验收合格率100%", "deadline", deadline, "responsibleUnitId", String.valueOf(unit),
                "responsiblePersonId", String.valueOf(person), "supervisingLeaderId", String.valueOf(chenMing),
                "servesLineId", serves == null ? "" : String.valueOf(serves)));
    }

    private long lineId(long plan, String content) {
        return jdbc.sql("select id from plan_line where plan_id = :p and content = :c").param("p", plan)
                .param("c", content).query(Long.class).single();
    }

    private long lines(long plan) {
        return jdbc.sql("select count(*) from plan_line where plan_id = :p").param("p", plan).query(Long.class).single();
    }

    @Test
    void theCascadeLinksEachLineToTheLineItServesFromTownshipToMember_WORK3() throws Exception {
        String s = PlanTestSupport.suffix();
        long town = plan("shuji", "TOWNSHIP_ANNUAL", 2031, null, null, null, "2031年全镇工作计划" + s);
        line("shuji", town, "农村人居环境整治" + s, "2031-10-31", construction, chenMing, null)
                .andExpect(status().is3xxRedirection());
        long townLine = lineId(town, "农村人居环境整治" + s);

        long group = plan("zuzhang", "GROUP_ANNUAL", 2031, null, construction, null, "城建组2031年工作计划" + s);
        line("zuzhang", group, "8个村垃圾日产日清" + s, "2031-09-30", construction, heYongqiang, townLine)
                .andExpect(status().is3xxRedirection());
        long groupLine = lineId(group, "8个村垃圾日产日清" + s);

        long groupMonth = plan("zuzhang", "GROUP_MONTHLY", 2031, 3, construction, null, "城建组2031年3月计划" + s);
        line("zuzhang", groupMonth, "东岗村垃圾清运" + s, "2031-03-20", construction, luoDan, groupLine)
                .andExpect(status().is3xxRedirection());
        long monthLine = lineId(groupMonth, "东岗村垃圾清运" + s);

        // the member makes his own monthly plan and points at his group's monthly line
        long mine = plan("ganbu", "MEMBER_MONTHLY", 2031, 3, null, luoDan, "罗丹2031年3月计划" + s);
        line("ganbu", mine, "东岗村三组清运点" + s, "2031-03-13", construction, luoDan, monthLine)
                .andExpect(status().is3xxRedirection());

        assertThat(jdbc.sql("select serves_line_id from plan_line where id = :id").param("id", groupLine)
                .query(Long.class).single()).isEqualTo(townLine);
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'plan.line.added' and summary like :s")
                .param("s", "%" + s + "%").query(Long.class).single()).isEqualTo(4);

        // the township plan's page and task book show how its line was decomposed
        mvc.perform(get("/work/plans/" + town).with(signedIn.as("shuji"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("8个村垃圾日产日清" + s)));
        mvc.perform(get("/work/plans/" + town + "/task-book").with(signedIn.as("ganbu"))).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("目标任务书"), containsString("农村人居环境整治" + s),
                        containsString("城建组：8个村垃圾日产日清" + s), containsString("验收合格率100%"),
                        containsString("陈明"))));
        mvc.perform(get("/work/plans/" + group + "/timetable").with(signedIn.as("zuzhang"))).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("工作时间表"), containsString("12月"),
                        containsString("tz-due"))));
        mvc.perform(get("/work/plans").param("year", "2031").with(signedIn.as("ganbu"))).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("2031年全镇工作计划" + s),
                        containsString("城建组2031年工作计划" + s), containsString("罗丹2031年3月计划" + s))));
    }

    @Test
    void badLinesAreRefusedAtTheirFieldAndNothingIsStored_WORK4() throws Exception {
        String s = PlanTestSupport.suffix();
        long town = plan("shuji", "TOWNSHIP_ANNUAL", 2032, null, null, null, "2032年全镇工作计划" + s);
        // a target's deadline before the plan year
        line("shuji", town, "道路硬化" + s, "2031-12-31", construction, chenMing, null)
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("完成时限 2031-12-31 早于计划期（2032）")));
        line("shuji", town, "道路硬化" + s, "2033-01-01", construction, chenMing, null)
                .andExpect(status().isOk()).andExpect(content().string(containsString("晚于计划期")));
        mvc.perform(form(signedIn, "shuji", "/work/plans/" + town + "/lines", "content", "道路硬化" + s,
                        "standard", "", "deadline", "2032-06-30", "responsibleUnitId", String.valueOf(construction),
                        "responsiblePersonId", String.valueOf(chenMing)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("请填写完成标准")));
        assertThat(lines(town)).isZero();

        // a plan line pointing at another tenant's line
        long other = otherTenantLine(s);
        long group = plan("zuzhang", "GROUP_ANNUAL", 2032, null, construction, null, "城建组2032年工作计划" + s);
        line("zuzhang", group, "桥梁维修" + s, "2032-05-31", construction, heYongqiang, other)
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("所服务的上级计划条目（编号 " + other + "）不存在")));
        // and at a line of the wrong level (a group line serving a group line)
        line("zuzhang", group, "桥梁维修" + s, "2032-05-31", construction, heYongqiang, null)
                .andExpect(status().is3xxRedirection());
        long sibling = plan("shuji", "GROUP_ANNUAL", 2032, null, familyPlanning, null, "计生组2032年工作计划" + s);
        line("shuji", sibling, "人口监测" + s, "2032-05-31", familyPlanning, chenMing, lineId(group, "桥梁维修" + s))
                .andExpect(status().isOk()).andExpect(content().string(containsString("不是本计划上一级")));
        assertThat(lines(group)).isEqualTo(1);
        assertThat(lines(sibling)).isZero();

        // the same plan twice
        mvc.perform(form(signedIn, "shuji", "/work/plans/new", "level", "TOWNSHIP_ANNUAL", "year", "2032", "title", "再来" + s))
                .andExpect(status().isOk()).andExpect(content().string(containsString("计划已经存在")));
    }

    /** A township of another tenant with one plan line, inserted behind the pages. */
    private long otherTenantLine(String s) {
        Tenant t = tenants.create(TenantKind.TOWNSHIP, "plan-other-" + s, "外镇" + s,
                tenants.findByCode("demo-county").map(Tenant::id).orElseThrow());
        OrgUnit root = organisation.createRoot(t.id(), UnitKind.TOWNSHIP, "OT", "外镇" + s);
        Person p = organisation.createPerson(DataScope.wholeTenant(t.id()), new Organisation.PersonDetails(root.id(),
                "OT1", "外镇干部", null, Position.STAFF, null, Rank.CLERK, null, null));
        long plan = jdbc.sql("""
                        insert into plan (tenant_id, level, year, unit_id, title, created_by_name, created_at)
                        values (:t, 'TOWNSHIP_ANNUAL', 2032, :u, '外镇计划', 'test', now()) returning id""")
                .param("t", t.id()).param("u", root.id()).query(Long.class).single();
        return jdbc.sql("""
                        insert into plan_line (tenant_id, plan_id, seq, content, standard, deadline, responsible_unit_id,
                                               responsible_person_id, created_at)
                        values (:t, :p, 1, '外镇条目', '标准', date '2032-06-30', :u, :person, now()) returning id""")
                .param("t", t.id()).param("p", plan).param("u", root.id()).param("person", p.id())
                .query(Long.class).single();
    }

    @Test
    void plansFollowRoleAndDataScope_outsideIs404_notAllowedIs403() throws Exception {
        String s = PlanTestSupport.suffix();
        // staff cannot make the township plan, a group leader not another group's plan
        mvc.perform(form(signedIn, "ganbu", "/work/plans/new", "level", "TOWNSHIP_ANNUAL", "year", "2033", "title", "x" + s))
                .andExpect(status().isForbidden());
        mvc.perform(form(signedIn, "zuzhang", "/work/plans/new", "level", "GROUP_ANNUAL", "year", "2033",
                "unitId", String.valueOf(familyPlanning), "title", "x" + s)).andExpect(status().isForbidden());
        long js = plan("shuji", "GROUP_ANNUAL", 2033, null, familyPlanning, null, "计生组2033年工作计划" + s);
        long cj = plan("zuzhang", "GROUP_ANNUAL", 2033, null, construction, null, "城建组2033年工作计划" + s);
        // 计生组's plan is outside zuzhang's and ganbu's sight
        mvc.perform(get("/work/plans/" + js).with(signedIn.as("zuzhang"))).andExpect(status().isNotFound());
        mvc.perform(get("/work/plans/" + js).with(signedIn.as("ganbu"))).andExpect(status().isNotFound());
        mvc.perform(get("/work/plans").param("year", "2033").with(signedIn.as("zuzhang")))
                .andExpect(content().string(allOf(containsString("城建组2033年工作计划" + s),
                        not(containsString("计生组2033年工作计划" + s)))));
        // ganbu sees his group's plan but may not write it; the discipline office reads but does not write
        mvc.perform(get("/work/plans/" + cj).with(signedIn.as("ganbu"))).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("id=\"line-form\""))));
        line("ganbu", cj, "不该有" + s, "2033-05-31", construction, luoDan, null).andExpect(status().isForbidden());
        mvc.perform(get("/work/plans/" + js).with(signedIn.as("jiwei"))).andExpect(status().isOk());
        line("jiwei", js, "不该有" + s, "2033-05-31", familyPlanning, chenMing, null).andExpect(status().isForbidden());
        // a member's monthly plan is his: another member of the group does not see it, his leader writes it
        long mine = plan("ganbu", "MEMBER_MONTHLY", 2033, 4, null, luoDan, "罗丹2033年4月计划" + s);
        line("zuzhang", mine, "督促" + s, "2033-04-30", construction, luoDan, null).andExpect(status().is3xxRedirection());
        mvc.perform(form(signedIn, "ganbu", "/work/plans/new", "level", "MEMBER_MONTHLY", "year", "2033", "month", "4",
                "personId", String.valueOf(heYongqiang), "title", "x" + s)).andExpect(status().isForbidden());
        assertThat(lines(js) + lines(cj)).isZero();
        // administrators have no business data
        mvc.perform(get("/work/plans").with(signedIn.as("sysadmin"))).andExpect(status().isForbidden());
    }

    @Test
    void aLineIsCarriedOutAsAWorkItemTypedOnce_WORK1() throws Exception {
        String s = PlanTestSupport.suffix();
        long group = plan("zuzhang", "GROUP_ANNUAL", 2034, null, construction, null, "城建组2034年工作计划" + s);
        line("zuzhang", group, "危房改造" + s, "2034-06-30", construction, heYongqiang, null)
                .andExpect(status().is3xxRedirection());
        long id = lineId(group, "危房改造" + s);
        mvc.perform(form(signedIn, "zuzhang", "/work/plans/lines/" + id + "/item?plan=" + group, "categoryCode", "routine"))
                .andExpect(status().is3xxRedirection());
        Long item = jdbc.sql("select work_item_id from plan_line where id = :id").param("id", id).query(Long.class).single();
        assertThat(item).isNotNull();
        assertThat(jdbc.sql("select title || '|' || target || '|' || deadline::text || '|' || source from work_item where id = :id")
                .param("id", item).query(String.class).single())
                .isEqualTo("危房改造" + s + "|验收合格率100%|2034-06-30|ANNUAL_TARGET");
        mvc.perform(get("/work/plans/" + group).with(signedIn.as("zuzhang")))
                .andExpect(content().string(containsString("href=\"/work/" + item + "\"")));
        // once carried out, not again; an unknown item is refused naming it
        mvc.perform(form(signedIn, "zuzhang", "/work/plans/lines/" + id + "/link?plan=" + group, "workItemId",
                        String.valueOf(item)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("已经关联了工作事项")));
        line("zuzhang", group, "路灯安装" + s, "2034-08-31", construction, heYongqiang, null);
        long second = lineId(group, "路灯安装" + s);
        mvc.perform(form(signedIn, "zuzhang", "/work/plans/lines/" + second + "/link?plan=" + group,
                "workItemId", "987654321")).andExpect(status().isOk())
                .andExpect(content().string(containsString("工作事项（编号 987654321）不存在")));
        mvc.perform(form(signedIn, "zuzhang", "/work/plans/lines/" + second + "/link?plan=" + group,
                "workItemId", String.valueOf(item))).andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select work_item_id from plan_line where id = :id").param("id", second)
                .query(Long.class).single()).isEqualTo(item);
    }

    @Test
    void theMenuLeadsToThePlans() throws Exception {
        mvc.perform(get("/").with(signedIn.as("ganbu")))
                .andExpect(content().string(containsString("href=\"/work/plans\"")));
        mvc.perform(get("/work/plans").param("lang", "en").with(signedIn.as("ganbu"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Member monthly plans")));
    }
}
