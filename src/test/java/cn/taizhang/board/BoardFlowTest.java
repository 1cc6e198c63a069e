package cn.taizhang.board;

import static cn.taizhang.board.BoardTestSupport.penalty;
import static cn.taizhang.board.BoardTestSupport.reward;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.taizhang.board.BoardTestSupport.Town;
import cn.taizhang.board.internal.BoardFlow;
import cn.taizhang.board.internal.BoardIssue;
import cn.taizhang.board.internal.BoardVerifier;
import cn.taizhang.board.internal.EntryRow;
import cn.taizhang.board.internal.IssueStatus;
import cn.taizhang.board.internal.Objection;
import cn.taizhang.board.internal.PublicBoards;
import cn.taizhang.board.internal.Verification.Outcome;
import cn.taizhang.method.MethodCompliance;
import cn.taizhang.method.TenantMethods;
import cn.taizhang.org.Organisation;
import cn.taizhang.org.Tenants;
import cn.taizhang.shared.AccessDeniedException;
import cn.taizhang.shared.DomainException;
import cn.taizhang.shared.NotFoundException;
import cn.taizhang.support.MutableClock;
import cn.taizhang.support.TaizhangTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.support.TransactionTemplate;

@TaizhangTest
class BoardFlowTest {

    @Autowired Tenants tenants;
    @Autowired Organisation organisation;
    @Autowired TenantMethods methods;
    @Autowired MethodCompliance compliance;
    @Autowired BoardDrafts drafts;
    @Autowired BoardFlow flow;
    @Autowired BoardVerifier verifier;
    @Autowired PublicBoards publicBoards;
    @Autowired MutableClock clock;
    @Autowired UserDetailsService users;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate tx;
    @Autowired ApplicationEventPublisher events;

    BoardTestSupport support;
    Instant startedAt;

    @BeforeEach
    void setUp() {
        support = new BoardTestSupport(tenants, organisation, methods, drafts, flow, clock, users);
        startedAt = clock.instant();
    }

    @AfterEach
    void putClockBack() {
        clock.set(startedAt);
    }

    @Test
    void handedOverEntriesGatherInOneDraftPerBoardAndPeriod_BOARD1() {
        Town town = support.newTown();
        long p = town.person().id();
        Proposal first = drafts.propose(town.id(), "red", "2026-11-20", List.of(reward(p, "钱小明", "S1")));
        Proposal second = drafts.propose(town.id(), "red", "2026-11-20",
                List.of(reward(p, "钱小明", "S1"), reward(p, "钱小明", "S2")));
        assertThat(second.issueId()).isEqualTo(first.issueId());
        assertThat(second.added()).isEqualTo(1);
        assertThat(second.skipped()).as("the same source record is not put on the board twice").isEqualTo(1);
        BoardIssue draft = flow.issue(town.id(), first.issueId());
        // the board's settings come from the method definition (wusi: red, public, 3 days, 365 days)
        assertThat(draft.boardName()).isEqualTo("红榜");
        assertThat(draft.noticeDays()).isEqualTo(3);
        assertThat(draft.retentionDays()).isEqualTo(365);
        assertThat(draft.status()).isEqualTo(IssueStatus.DRAFT);
        assertThat(flow.entries(town.id(), draft.id())).extracting(EntryRow::sourceId).containsExactly("S1", "S2");

        assertThatThrownBy(() -> drafts.propose(town.id(), "no-such-board", "2026-11", List.of(reward(p, "钱小明", "S3"))))
                .extracting(BoardFlowTest::key).isEqualTo("board.unknownBoard");
        // the people board is half-yearly in wusi
        assertThatThrownBy(() -> drafts.propose(town.id(), "people", "2026-11", List.of(reward(p, "钱小明", "S3"))))
                .extracting(BoardFlowTest::key).isEqualTo("board.period.cadence");
        long demoPerson = support.account("ganbu").personId();
        assertThatThrownBy(() -> drafts.propose(town.id(), "red", "2026-11", List.of(reward(demoPerson, "罗丹", "S4"))))
                .as("a person of another township").extracting(BoardFlowTest::key).isEqualTo("board.entry.personUnknown");
    }

    @Test
    void otherModulesMayPublishAnEvent() {
        Town town = support.newTown();
        tx.executeWithoutResult(s -> events.publishEvent(new BoardEntriesProposed(town.id(), "black", "2026-11",
                List.of(penalty(town.person().id(), "钱小明", "E1")))));
        // a board the method does not have is skipped, not an error for the publisher
        tx.executeWithoutResult(s -> events.publishEvent(new BoardEntriesProposed(town.id(), "gold-of-huaqiao", "2026",
                List.of(penalty(town.person().id(), "钱小明", "E2")))));
        var issues = flow.visibleIssues(town.leader());
        assertThat(issues).extracting(BoardIssue::boardCode).containsExactly("black");
    }

    @Test
    void anOpenObjectionBlocksPublicationUntilResolved_BOARD4() {
        Town town = support.newTown();
        Proposal p = drafts.propose(town.id(), "black", "2026-11",
                List.of(penalty(town.person().id(), "钱小明", "P1"), BoardEntry.unit("东岗村", "村", "秸秆焚烧被通报",
                        null, null, "scoring", "P2")));
        flow.submit(town.leader(), p.issueId());
        BoardIssue notice = flow.startNotice(town.leader(), p.issueId());
        assertThat(notice.status()).isEqualTo(IssueStatus.NOTICE);
        assertThat(flow.namingMe(town.named())).extracting(BoardIssue::id).containsExactly(p.issueId());
        long mine = flow.entries(town.id(), p.issueId()).get(0).id();
        long unit = flow.entries(town.id(), p.issueId()).get(1).id();

        assertThatThrownBy(() -> flow.object(town.discipline(), p.issueId(), mine, "不是我"))
                .extracting(BoardFlowTest::key).isEqualTo("board.objection.notNamed");
        assertThatThrownBy(() -> flow.object(town.named(), p.issueId(), unit, "不是我们村"))
                .extracting(BoardFlowTest::key).isEqualTo("board.objection.notNamed");
        assertThatThrownBy(() -> flow.object(town.named(), p.issueId(), mine, " "))
                .extracting(BoardFlowTest::key).isEqualTo("board.objection.textRequired");
        Objection o = flow.object(town.named(), p.issueId(), mine, "当天请假已获批准，有请假单为证");

        clock.advance(Duration.ofDays(4));
        assertThatThrownBy(() -> flow.publish(town.discipline(), p.issueId()))
                .extracting(BoardFlowTest::key).isEqualTo("board.publish.openObjection");
        assertThatThrownBy(() -> flow.resolve(town.discipline(), p.issueId(), o.id(), Objection.Status.UPHELD, ""))
                .extracting(BoardFlowTest::key).isEqualTo("board.objection.resolutionRequired");
        Objection resolved = flow.resolve(town.discipline(), p.issueId(), o.id(), Objection.Status.UPHELD,
                "经核实请假手续齐全，撤下该条");
        assertThat(resolved.status()).isEqualTo(Objection.Status.UPHELD);
        assertThat(resolved.resolution()).isEqualTo("经核实请假手续齐全，撤下该条");

        BoardIssue published = flow.publish(town.discipline(), p.issueId());
        assertThat(published.status()).isEqualTo(IssueStatus.PUBLISHED);
        // the upheld objection took the entry off; it is not part of what was sealed
        var v = verifier.verify(published.code(), null);
        assertThat(v.outcome()).isEqualTo(Outcome.INTACT);
        assertThat(flow.objections(town.id(), p.issueId())).singleElement()
                .extracting(Objection::status).isEqualTo(Objection.Status.UPHELD);
    }

    @Test
    void publicationNeedsTheDesignatedRoleAndTheEndOfTheNoticePeriod_BOARD4() {
        Town town = support.newTown();
        Proposal p = drafts.propose(town.id(), "red", "2026-11-21", List.of(reward(town.person().id(), "钱小明", "R1")));
        assertThatThrownBy(() -> flow.submit(town.named(), p.issueId()))
                .isInstanceOf(AccessDeniedException.class).extracting(BoardFlowTest::key).isEqualTo("board.edit.notDesignated");
        flow.submit(town.discipline(), p.issueId());
        assertThatThrownBy(() -> flow.startNotice(town.discipline(), p.issueId()))
                .extracting(BoardFlowTest::key).isEqualTo("board.review.notDesignated");
        assertThatThrownBy(() -> flow.publish(town.discipline(), p.issueId()))
                .extracting(BoardFlowTest::key).isEqualTo("board.issue.wrongState");
        flow.startNotice(town.leader(), p.issueId());
        assertThatThrownBy(() -> flow.publish(town.discipline(), p.issueId()))
                .extracting(BoardFlowTest::key).isEqualTo("board.publish.noticeRunning");
        clock.advance(Duration.ofDays(3).plusSeconds(1));
        assertThatThrownBy(() -> flow.publish(town.leader(), p.issueId()))
                .isInstanceOf(AccessDeniedException.class).extracting(BoardFlowTest::key).isEqualTo("board.publish.notDesignated");
        assertThatThrownBy(() -> flow.object(town.named(), p.issueId(), flow.entries(town.id(), p.issueId()).get(0).id(), "晚了"))
                .extracting(BoardFlowTest::key).isEqualTo("board.objection.noticeOver");
        BoardIssue published = flow.publish(town.discipline(), p.issueId());
        assertThat(published.chainSeq()).isEqualTo(1);
        assertThat(published.previousHash()).isEqualTo("0".repeat(64));
        assertThat(published.publishedBy()).isEqualTo("测试纪委");
        assertThatThrownBy(() -> flow.publish(town.discipline(), p.issueId()))
                .extracting(BoardFlowTest::key).isEqualTo("board.issue.wrongState");
    }

    @Test
    void eachPublicationLinksToTheOneBefore_BOARD6() {
        Town town = support.newTown();
        BoardIssue one = support.publishNew(town, "red", "2026-11-01", List.of(reward(town.person().id(), "钱小明", "C1")));
        BoardIssue two = support.publishNew(town, "black", "2026-11", List.of(penalty(town.person().id(), "钱小明", "C2")));
        assertThat(two.chainSeq()).isEqualTo(2);
        assertThat(two.previousHash()).isEqualTo(one.contentHash());
        var v = verifier.verify(two.code().toLowerCase(), two.contentHash().substring(0, 16));
        assertThat(v.outcome()).isEqualTo(Outcome.INTACT);
        assertThat(v.chainLength()).isEqualTo(2);
        assertThat(v.previousCode()).isEqualTo(one.code());
        assertThat(v.printedHashOk()).isTrue();
        assertThat(verifier.verify(one.code(), null).nextCode()).isEqualTo(two.code());
        assertThat(verifier.verify(two.code(), "deadbeefdeadbeef").outcome()).isEqualTo(Outcome.PRINT_MISMATCH);
    }

    @Test
    void theDatabaseRefusesToChangeASealedIssue_BOARD6() {
        Town town = support.newTown();
        BoardIssue issue = support.publishNew(town, "red", "2026-11-02", List.of(reward(town.person().id(), "钱小明", "D1")));
        assertThatThrownBy(() -> jdbc.sql("update board_entry set fact = '改过' where tenant_id = :t and issue_id = :i")
                .param("t", town.id()).param("i", issue.id()).update()).isInstanceOf(DataAccessException.class);
        assertThatThrownBy(() -> jdbc.sql("delete from board_issue where id = :i").param("i", issue.id()).update())
                .isInstanceOf(DataAccessException.class);
    }

    @Test
    void aRowAlteredBehindTheApplicationsBackIsCaught_BOARD6() {
        Town town = support.newTown();
        BoardIssue one = support.publishNew(town, "red", "2026-11-03", List.of(reward(town.person().id(), "钱小明", "T1")));
        BoardIssue two = support.publishNew(town, "red", "2026-11-04", List.of(reward(town.person().id(), "钱小明", "T2")));
        assertThat(verifier.verify(one.code(), null).outcome()).isEqualTo(Outcome.INTACT);

        // somebody with the database's superuser rights switches the trigger off and changes a published fact
        tx.executeWithoutResult(s -> {
            jdbc.sql("set local session_replication_role = replica").update();
            jdbc.sql("update board_entry set points = 50 where tenant_id = :t and issue_id = :i")
                    .param("t", town.id()).param("i", one.id()).update();
        });
        var v = verifier.verify(one.code(), null);
        assertThat(v.outcome()).isEqualTo(Outcome.ALTERED);
        assertThat(v.recomputedHash()).isNotEqualTo(v.storedHash());
        assertThat(verifier.verify(two.code(), null).outcome()).as("later issues see the broken chain")
                .isEqualTo(Outcome.CHAIN_BROKEN);
        assertThat(verifier.firstBroken(town.id())).isEqualTo(1);

        // ... and re-seals it with a freshly computed hash: the next link no longer holds
        tx.executeWithoutResult(s -> {
            jdbc.sql("set local session_replication_role = replica").update();
            BoardIssue changed = flow.issue(town.id(), one.id());
            String forged = cn.taizhang.board.internal.Seal.hash(changed, flow.entries(town.id(), one.id()));
            jdbc.sql("update board_issue set content_hash = :h where id = :i").param("h", forged).param("i", one.id()).update();
        });
        assertThat(verifier.verify(one.code(), null).outcome()).isEqualTo(Outcome.INTACT);
        assertThat(verifier.verify(one.code(), one.contentHash().substring(0, 16)).outcome())
                .as("the hash printed on the poster").isEqualTo(Outcome.PRINT_MISMATCH);
        assertThat(verifier.verify(two.code(), null).outcome()).isEqualTo(Outcome.CHAIN_BROKEN);
    }

    @Test
    void unknownCodesAreReportedNotCrashed() {
        assertThat(verifier.verify("ZZZZZ-ZZZZZ", null).outcome()).isEqualTo(Outcome.UNKNOWN);
        assertThat(verifier.verify("'; drop table board_issue; --", null).outcome()).isEqualTo(Outcome.UNKNOWN);
        assertThat(verifier.verify(null, null).outcome()).isEqualTo(Outcome.UNKNOWN);
        Town town = support.newTown();
        Proposal draft = drafts.propose(town.id(), "red", "2026-11-05", List.of(reward(town.person().id(), "钱小明", "U1")));
        assertThat(verifier.verify(draft.issueCode(), null).outcome()).as("a draft is not published")
                .isEqualTo(Outcome.UNKNOWN);
    }

    @Test
    void aCorrectionIsANewPublicationThatNamesWhatItCorrects_BOARD6() {
        Town town = support.newTown();
        long p = town.person().id();
        BoardIssue wrong = support.publishNew(town, "red", "2026-11-06", List.of(reward(p, "钱小明", "K1")));

        assertThatThrownBy(() -> flow.startCorrection(town.leader(), null, "分值有误"))
                .extracting(BoardFlowTest::key).isEqualTo("board.correction.targetRequired");
        assertThatThrownBy(() -> flow.startCorrection(town.leader(), wrong.code(), " "))
                .extracting(BoardFlowTest::key).isEqualTo("board.correction.reasonRequired");
        assertThatThrownBy(() -> flow.startCorrection(town.leader(), "ZZZZZ-ZZZZZ", "分值有误"))
                .extracting(BoardFlowTest::key).isEqualTo("board.correction.targetUnknown");
        assertThatThrownBy(() -> drafts.proposeCorrection(town.id(), "", "分值有误", List.of(reward(p, "钱小明", "K1"))))
                .extracting(BoardFlowTest::key).isEqualTo("board.correction.targetRequired");

        // scoring corrected the result and hands the corrected entry over
        var corrected = BoardEntry.person(p, "钱小明", "农业服务中心干部", "按期完成秋粮收购任务", new java.math.BigDecimal("3"),
                null, "scoring", "K1");
        Proposal c = drafts.proposeCorrection(town.id(), wrong.code(), "任务分值应为3分", List.of(corrected));
        BoardIssue correction = flow.issue(town.id(), c.issueId());
        assertThat(correction.correctsCode()).isEqualTo(wrong.code());
        assertThat(correction.correctionReason()).isEqualTo("任务分值应为3分");
        assertThat(flow.entries(town.id(), c.issueId())).filteredOn(e -> !e.withdrawn()).singleElement()
                .extracting(e -> e.points().intValue()).isEqualTo(3);
        assertThatThrownBy(() -> flow.startCorrection(town.leader(), wrong.code(), "再改"))
                .extracting(BoardFlowTest::key).isEqualTo("board.correction.underWay");

        BoardIssue published = support.publish(town.leader(), town.discipline(), c.issueId());
        assertThat(published.chainSeq()).isEqualTo(2);
        BoardIssue old = flow.issue(town.id(), wrong.id());
        assertThat(old.correctedByCode()).isEqualTo(published.code());
        assertThat(verifier.verify(wrong.code(), null).outcome()).as("the corrected one stays intact").isEqualTo(Outcome.INTACT);
        assertThat(publicBoards.of(town.id())).extracting(pi -> pi.issue().code())
                .as("both stay visible").containsExactly(published.code(), wrong.code());
        assertThatThrownBy(() -> flow.startCorrection(town.leader(), wrong.code(), "再改"))
                .extracting(BoardFlowTest::key).isEqualTo("board.correction.alreadyCorrected");
    }

    @Test
    void theBlackBoardIsPublicOnlyWithARecordedBasisAndBoardsLeaveThePublicPageAfterRetention_BOARD5() {
        Town town = support.newTown();
        long p = town.person().id();
        BoardIssue red = support.publishNew(town, "red", "2026-11-07", List.of(reward(p, "钱小明", "V1")));
        BoardIssue black = support.publishNew(town, "black", "2026-11", List.of(penalty(p, "钱小明", "V2")));
        assertThat(publicBoards.of(town.id())).extracting(pi -> pi.issue().code()).containsExactly(red.code());

        compliance.recordApproval(town.id(), "PUBLIC_BLACK_BOARD:black", "测党发〔2026〕8号", "测试镇党委",
                LocalDate.now(clock).minusDays(1));
        assertThat(publicBoards.of(town.id())).extracting(pi -> pi.issue().code()).containsExactly(black.code(), red.code());

        // wusi keeps the black board 180 days, the red board 365 days; the archive keeps both
        clock.advance(Duration.ofDays(181));
        assertThat(publicBoards.of(town.id())).extracting(pi -> pi.issue().code()).containsExactly(red.code());
        clock.advance(Duration.ofDays(185));
        assertThat(publicBoards.of(town.id())).isEmpty();
        assertThat(flow.visibleIssues(town.leader())).extracting(BoardIssue::code).contains(red.code(), black.code());
        assertThat(verifier.verify(black.code(), null).outcome()).isEqualTo(Outcome.INTACT);
        assertThat(verifier.verify(black.code(), null).showContent()).isFalse();
    }

    @Test
    void anotherTownshipsIssueIsNotFound() {
        Town town = support.newTown();
        Proposal p = drafts.propose(town.id(), "red", "2026-11-08", List.of(reward(town.person().id(), "钱小明", "I1")));
        var shuji = support.account("shuji");
        assertThatThrownBy(() -> flow.visibleIssue(shuji, p.issueId())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> flow.submit(shuji, p.issueId())).isInstanceOf(NotFoundException.class);
        assertThat(flow.visibleIssues(shuji)).extracting(BoardIssue::id).doesNotContain(p.issueId());
        // a staff member does not see drafts
        assertThatThrownBy(() -> flow.visibleIssue(town.named(), p.issueId())).isInstanceOf(NotFoundException.class);
        assertThat(DomainException.class).isAssignableFrom(NotFoundException.class);
    }

    static String key(Throwable e) {
        return ((DomainException) e).messageKey();
    }
}
