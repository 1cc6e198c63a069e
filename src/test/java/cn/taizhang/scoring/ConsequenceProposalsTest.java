package cn.taizhang.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.taizhang.method.TenantMethods;
import cn.taizhang.org.OrgUnit;
import cn.taizhang.org.Organisation;
import cn.taizhang.org.Person;
import cn.taizhang.org.Tenants;
import cn.taizhang.org.UnitKind;
import cn.taizhang.scoring.ConsequenceProposals.State;
import cn.taizhang.scoring.ConsequenceProposals.Stored;
import cn.taizhang.shared.AccessDeniedException;
import cn.taizhang.shared.DomainException;
import cn.taizhang.support.SignedIn;
import cn.taizhang.support.TaizhangTest;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** ASSESS-11: consequences stored as proposals, decided by the leadership, confirmed gold candidates on the gold board. */
@TaizhangTest
class ConsequenceProposalsTest {

    @Autowired Tenants tenants;
    @Autowired TenantMethods methods;
    @Autowired Organisation organisation;
    @Autowired ScoreEvents events;
    @Autowired RatingSheets sheets;
    @Autowired Assessments assessments;
    @Autowired ConsequenceProposals proposals;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;
    @Autowired org.springframework.test.web.servlet.MockMvc mvc;

    @Test
    void theApiGeneratesListsAndDecidesByRoleAndAnotherTownshipsProposalIsNotFound() throws Exception {
        Township other = new Township("wusi", tenants, methods, organisation, events, sheets, assessments);
        Person p = other.person(other.unit(UnitKind.OFFICE, "党政办"), "外镇干部");
        int y = LocalDate.now(clock).getYear() - 1;
        events.special(other.leader, List.of(Township.of(p)), BigDecimal.TEN, LocalDate.of(y, 2, 1), "外镇", null, null);
        proposals.generate(other.leader, "gold-board", String.valueOf(y));
        long foreign = proposals.ofCycle(other.leader, String.valueOf(y)).get(0).id();
        var json = org.springframework.http.MediaType.APPLICATION_JSON;
        mvc.perform(post("/api/scoring/proposals").with(SignedIn.api("jiwei")).contentType(json)
                        .content("{\"consequence\":\"grade-quota\",\"cycle\":\"" + (y - 7) + "\"}"))
                .andExpect(status().isCreated());
        mvc.perform(get("/api/scoring/proposals/cycles/" + (y - 7)).with(SignedIn.api("ganbu")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/scoring/proposals/" + foreign).with(SignedIn.api("shuji"))).andExpect(status().isNotFound());
        mvc.perform(post("/api/scoring/proposals/" + foreign + "/confirm").with(SignedIn.api("shuji")).contentType(json)
                .content("{\"reason\":\"同意\"}")).andExpect(status().isNotFound());
        mvc.perform(post("/api/scoring/proposals").with(SignedIn.api("shuji")).contentType(json)
                        .content("{\"consequence\":\"promotion\",\"cycle\":\"" + y + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.code")
                        .value("scoring.consequence.unknown"));
    }

    @Test
    void goldBoardCandidatesAreStoredConfirmedOrRejectedWithAReasonAndTheConfirmedReachTheGoldBoard() {
        Township t = new Township("wusi", tenants, methods, organisation, events, sheets, assessments);
        OrgUnit office = t.unit(UnitKind.OFFICE, "党政办");
        int y = LocalDate.now(clock).getYear() - 1;
        for (int i = 1; i <= 12; i++) {
            Person p = t.person(office, "干部" + i);
            events.special(t.leader, List.of(Township.of(p)), new BigDecimal(i), LocalDate.of(y, 3, 1), "专项工作表现",
                    null, null);
        }
        String year = String.valueOf(y);
        // the discipline office files the proposals; only the leadership decides them
        var g = proposals.generate(t.discipline, "gold-board", year);
        List<Stored> persons = proposals.ofCycle(t.leader, year).stream()
                .filter(p -> p.subject().kind() == cn.taizhang.method.MethodDefinition.SubjectKind.PERSON).toList();
        assertThat(persons).hasSize(10).allMatch(p -> p.state() == State.PROPOSED);
        assertThat(persons.get(0).subjectName()).isEqualTo("干部12");
        assertThat(persons.get(0).rank()).isEqualTo(1);
        assertThat(persons.get(0).amount().fen()).isEqualTo(100000);
        assertThat(persons.get(0).amountIsMinimum()).isTrue();
        assertThat(g.stored()).isGreaterThanOrEqualTo(10);

        Stored first = persons.get(0);
        Stored second = persons.get(1);
        assertThatThrownBy(() -> proposals.confirm(t.discipline, first.id(), "同意"))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> proposals.reject(t.leader, second.id(), " "))
                .isInstanceOf(DomainException.class).extracting("messageKey").isEqualTo("scoring.reason.required");

        Stored confirmed = proposals.confirm(t.leader, first.id(), "党委会研究同意");
        Stored rejected = proposals.reject(t.leader, second.id(), "年内受过通报批评，不宜上金榜");
        assertThat(confirmed.state()).isEqualTo(State.CONFIRMED);
        assertThat(confirmed.decidedBy()).isEqualTo(t.leader.username());
        assertThat(rejected.state()).isEqualTo(State.REJECTED);
        assertThat(rejected.decisionReason()).isEqualTo("年内受过通报批评，不宜上金榜");
        assertThatThrownBy(() -> proposals.reject(t.leader, first.id(), "改主意"))
                .isInstanceOf(DomainException.class).extracting("messageKey").isEqualTo("assessment.proposal.notPending");

        // the confirmed candidate is an entry of the gold board's draft for the year, the rejected one is not
        List<String> onBoard = jdbc.sql("""
                select e.subject_name from board_entry e join board_issue i on i.id = e.issue_id
                where i.tenant_id = :t and i.board_code = 'gold' and i.period = :p and i.status = 'DRAFT'
                """).param("t", t.id).param("p", year).query(String.class).list();
        assertThat(onBoard).containsExactly("干部12");

        // journalled, with the reason
        assertThat(jdbc.sql("""
                select reason from audit_entry where tenant_id = :t and action = 'consequence.rejected' and entity_id = :id
                """).param("t", t.id).param("id", String.valueOf(second.id())).query(String.class).single())
                .isEqualTo("年内受过通报批评，不宜上金榜");

        // a regeneration never overwrites what is confirmed
        assertThatThrownBy(() -> proposals.generate(t.leader, "gold-board", year))
                .isInstanceOf(DomainException.class).extracting("messageKey").isEqualTo("assessment.proposal.settled");
        assertThat(proposals.one(t.leader, first.id()).state()).isEqualTo(State.CONFIRMED);
    }

    @Test
    void aRegenerationSupersedesThePendingProposalsVisibly() {
        Township t = new Township("wusi", tenants, methods, organisation, events, sheets, assessments);
        OrgUnit office = t.unit(UnitKind.OFFICE, "党政办");
        int y = LocalDate.now(clock).getYear() - 1;
        for (int i = 1; i <= 5; i++) {
            Person p = t.person(office, "干部" + i);
            events.special(t.leader, List.of(Township.of(p)), new BigDecimal(i * 10), LocalDate.of(y, 5, 1), "专项工作",
                    null, null);
        }
        String year = String.valueOf(y);
        // 5 persons × 20% = 1 优秀
        proposals.generate(t.leader, "grade-quota", year);
        assertThat(proposals.ofCycle(t.leader, year)).extracting(Stored::subjectName).containsExactly("干部5");
        var again = proposals.generate(t.leader, "grade-quota", year);
        assertThat(again.superseded()).isEqualTo(1);
        assertThat(proposals.ofCycle(t.leader, year)).extracting(p -> p.subjectName() + " " + p.state())
                .containsExactly("干部5 PROPOSED", "干部5 SUPERSEDED");
        assertThatThrownBy(() -> proposals.ofCycle(t.proposer, year)).isInstanceOf(AccessDeniedException.class);
    }
}
