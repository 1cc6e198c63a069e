package cn.taizhang.board;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.taizhang.board.BoardEntry.Subject;
import cn.taizhang.board.internal.BoardIssue;
import cn.taizhang.board.internal.EntryRow;
import cn.taizhang.board.internal.IssueStatus;
import cn.taizhang.board.internal.Seal;
import cn.taizhang.method.MethodDefinition.BoardKind;
import cn.taizhang.method.MethodDefinition.Period;
import cn.taizhang.method.MethodDefinition.Visibility;
import cn.taizhang.shared.DomainException;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The canonical serialisation and the SM3 chain of published boards (BOARD-6), without Spring. */
class SealTest {

    private static final OffsetDateTime AT = OffsetDateTime.of(2026, 11, 30, 9, 0, 0, 0, ZoneOffset.ofHours(8));

    private static BoardIssue issue(int seq, String previous) {
        return new BoardIssue(1, 7, "ABCDE-23456", "red", "红榜", BoardKind.RED, Visibility.PUBLIC, List.of(), 3, 365,
                "2026-11", IssueStatus.PUBLISHED, null, null, null, "system", AT, null, null, null, null, null,
                "赵志刚", AT, seq, previous, null, 0, null);
    }

    private static EntryRow entry(int position, String name, String fact, String points, boolean withdrawn) {
        return new EntryRow(position * 10L, 1, position, Subject.PERSON, name, "城建办干部", fact,
                points == null ? null : new BigDecimal(points), 2000L, "scoring", "S-" + position, 99L, withdrawn,
                null, null, null);
    }

    @Test
    void sm3OfAbcIsTheStandardTestVector() {
        // GB/T 32905-2016, appendix A.1
        assertThat(Seal.sm3("abc")).isEqualTo("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
    }

    @Test
    void theSameRowsGiveTheSameTextWhateverTheirOrder_BOARD6() {
        var a = entry(1, "罗丹", "按期完成国土规划任务", "5", false);
        var b = entry(2, "高磊", "会议迟到", "-1.5", false);
        String one = Seal.canonical(issue(1, Seal.GENESIS), List.of(a, b));
        String two = Seal.canonical(issue(1, Seal.GENESIS), new ArrayList<>(List.of(b, a)));
        assertThat(one).isEqualTo(two);
        assertThat(one).startsWith("format=taizhang-board-v1\n")
                .contains("entry.1.name=罗丹\n", "entry.2.points=-1.50\n", "entry.1.source=scoring/S-1\n",
                        "publishedAt=2026-11-30T01:00:00Z\n", "previous=" + "0".repeat(64) + "\n");
        // the person id is internal: it is not part of what is published
        assertThat(one).doesNotContain("99");
    }

    @Test
    void pointsAreSerialisedWithTwoDecimalsSoTheDatabaseScaleDoesNotMatter() {
        String plain = Seal.canonical(issue(1, Seal.GENESIS), List.of(entry(1, "罗丹", "完成", "5", false)));
        String scaled = Seal.canonical(issue(1, Seal.GENESIS), List.of(entry(1, "罗丹", "完成", "5.00", false)));
        assertThat(plain).isEqualTo(scaled);
    }

    @Test
    void withdrawnEntriesAreNotPublished() {
        var kept = entry(1, "罗丹", "按期完成", "5", false);
        var withdrawn = entry(2, "高磊", "异议成立", "-1", true);
        assertThat(Seal.hash(issue(1, Seal.GENESIS), List.of(kept, withdrawn)))
                .isEqualTo(Seal.hash(issue(1, Seal.GENESIS), List.of(kept)));
        assertThat(Seal.canonical(issue(1, Seal.GENESIS), List.of(kept, withdrawn))).doesNotContain("高磊");
    }

    @Test
    void textCannotForgeAnotherField() {
        var honest = List.of(entry(1, "罗丹", "完成", "5", false), entry(2, "高磊", "迟到", "-1", false));
        var forged = List.of(entry(1, "罗丹", "完成\nentry.2.name=高磊", "5", false));
        assertThat(Seal.canonical(issue(1, Seal.GENESIS), forged)).contains("fact=完成\\nentry.2.name=高磊\n");
        assertThat(Seal.hash(issue(1, Seal.GENESIS), forged)).isNotEqualTo(Seal.hash(issue(1, Seal.GENESIS), honest));
    }

    @Test
    void everyPublishedFieldChangesTheHash() {
        var rows = List.of(entry(1, "罗丹", "按期完成", "5", false));
        String sealed = Seal.hash(issue(1, Seal.GENESIS), rows);
        assertThat(Seal.hash(issue(1, Seal.GENESIS), List.of(entry(1, "罗丹", "按期完成", "6", false)))).isNotEqualTo(sealed);
        assertThat(Seal.hash(issue(1, Seal.GENESIS), List.of(entry(1, "罗丹", "未按期完成", "5", false)))).isNotEqualTo(sealed);
        assertThat(Seal.hash(issue(1, Seal.GENESIS), List.of(entry(1, "罗 丹", "按期完成", "5", false)))).isNotEqualTo(sealed);
        assertThat(Seal.hash(issue(2, Seal.GENESIS), rows)).as("place in the chain").isNotEqualTo(sealed);
        assertThat(sealed).hasSize(64).matches("[0-9a-f]{64}");
    }

    @Test
    void eachHashCoversThePreviousHash() {
        var rows = List.of(entry(1, "罗丹", "按期完成", "5", false));
        String first = Seal.hash(issue(1, Seal.GENESIS), rows);
        String second = Seal.hash(issue(2, first), rows);
        String secondAfterForgedFirst = Seal.hash(issue(2, Seal.sm3("forged")), rows);
        assertThat(second).isNotEqualTo(secondAfterForgedFirst).isNotEqualTo(first);
    }

    @Test
    void entriesRefusePhoneAndIdNumbers_PIPL() {
        assertThatThrownBy(() -> BoardEntry.person(1, "罗丹", "干部", "联系电话13912345678", null, null, "scoring", "1"))
                .isInstanceOf(DomainException.class).extracting(SealTest::key).isEqualTo("board.entry.personalNumber");
        assertThatThrownBy(() -> BoardEntry.person(1, "罗丹", "干部", "身份证 11010519491231002X", null, null, "scoring", "1"))
                .isInstanceOf(DomainException.class).extracting(SealTest::key).isEqualTo("board.entry.personalNumber");
        assertThatThrownBy(() -> BoardEntry.unit("东岗村", "村", "完成", null, null, "scoring", " "))
                .isInstanceOf(DomainException.class).extracting(SealTest::key).isEqualTo("board.entry.required");
        // dates, points and money are not numbers of a person
        BoardEntry ok = BoardEntry.person(1, "罗丹", "干部", "2026-11-20 按期完成，奖励 20000 元", new BigDecimal("5"),
                2_000_000L, "scoring", "1");
        assertThat(ok.points()).isEqualByComparingTo("5.00");
    }

    @Test
    void periodsFollowTheBoardsCadence() {
        assertThat(BoardPeriod.parse("2026-11").kind()).isEqualTo(Period.MONTH);
        assertThat(BoardPeriod.parse("2026-H2").kind()).isEqualTo(Period.HALF_YEAR);
        assertThat(BoardPeriod.parse("2026-Q4").kind()).isEqualTo(Period.QUARTER);
        assertThat(BoardPeriod.parse("2026-11-20").kind()).isEqualTo(Period.DAY);
        assertThat(BoardPeriod.parse("2026").kind()).isEqualTo(Period.YEAR);
        BoardPeriod.parse("2026-11-20").requireFits(Period.ON_RESULT);
        assertThatThrownBy(() -> BoardPeriod.parse("2026-11").requireFits(Period.HALF_YEAR))
                .extracting(SealTest::key).isEqualTo("board.period.cadence");
        assertThatThrownBy(() -> BoardPeriod.parse("2026-13")).extracting(SealTest::key).isEqualTo("board.period.invalid");
        assertThatThrownBy(() -> BoardPeriod.parse("2026-02-30")).extracting(SealTest::key).isEqualTo("board.period.invalid");
    }

    static String key(Throwable e) {
        return ((DomainException) e).messageKey();
    }
}
