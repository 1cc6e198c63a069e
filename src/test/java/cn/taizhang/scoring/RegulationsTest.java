package cn.taizhang.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.taizhang.method.TenantMethods;
import cn.taizhang.org.Organisation;
import cn.taizhang.org.Person;
import cn.taizhang.org.Tenants;
import cn.taizhang.org.UnitKind;
import cn.taizhang.shared.DomainException;
import cn.taizhang.support.TaizhangTest;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** RULE-1: events cite an article of a registered regulation in force on the day; the explanation shows it. */
@TaizhangTest
class RegulationsTest {

    @Autowired Tenants tenants;
    @Autowired TenantMethods methods;
    @Autowired Organisation organisation;
    @Autowired ScoreEvents events;
    @Autowired RatingSheets sheets;
    @Autowired Assessments assessments;
    @Autowired Regulations regulations;
    @Autowired Clock clock;

    @Test
    void anEventCitesAnArticleInForceAndTheExplanationShowsIt_RULE1() {
        Township t = new Township("haiyong", tenants, methods, organisation, events, sheets, assessments);
        Person p = t.person(t.unit(UnitKind.COMMAND_GROUP, "项目指挥组"), "甲");
        int y = LocalDate.now(clock).getYear() - 1;
        Regulations.Regulation v1 = regulations.register(t.leader, "JX", "《海永乡绩效考核办法》", 1,
                LocalDate.of(y, 1, 1), LocalDate.of(y, 6, 30));
        Regulations.Article art = regulations.addArticle(t.leader, v1.id(), "第十二条", "工作日午间一律禁止饮酒。");
        assertThatThrownBy(() -> regulations.register(t.leader, "JX", "重复", 1, LocalDate.of(y, 1, 1), null))
                .isInstanceOf(DomainException.class).extracting("messageKey").isEqualTo("scoring.regulation.versionExists");

        ScoreEvent e = events.propose(t.proposer, new ScoreEvents.Proposal("lunch-alcohol", List.of(Township.of(p)), true,
                new BigDecimal("3"), false, null, LocalDate.of(y, 3, 5), "午间饮酒", "同桌三人证言", art.id(), null));
        events.confirm(t.discipline, e.id());
        assertThat(e.articleText()).isEqualTo("《海永乡绩效考核办法》 第十二条（第1版）");
        // after the version ended the article no longer applies
        assertThatThrownBy(() -> events.propose(t.proposer, new ScoreEvents.Proposal("lunch-alcohol",
                List.of(Township.of(p)), true, new BigDecimal("3"), false, null, LocalDate.of(y, 8, 5), "午间饮酒", null,
                art.id(), null)))
                .isInstanceOf(DomainException.class).extracting("messageKey").isEqualTo("scoring.article.notEffective");

        var explained = assessments.explain(t.leader, "daily", y + "-H1", Township.of(p));
        EventFact line = explained.parts().get(0).cycles().get(0).components().get(0).events().get(0);
        assertThat(line.reason()).isEqualTo("午间饮酒");
        assertThat(line.evidence()).isEqualTo("同桌三人证言");
        assertThat(line.article()).isEqualTo("《海永乡绩效考核办法》 第十二条（第1版）");
        assertThat(line.confirmedBy()).isEqualTo(t.discipline.username());
        // an item's own article stays with events that cite no registered one
        ScoreEvent own = events.propose(t.proposer, new ScoreEvents.Proposal("daily-work", List.of(Township.of(p)), false,
                new BigDecimal("1"), false, null, LocalDate.of(y, 3, 6), "按时报送", null, null, null));
        assertThat(own.articleText()).isEqualTo("《海永乡绩效考核办法》");
    }
}
