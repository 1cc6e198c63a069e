package cn.taizhang.scoring;

import cn.taizhang.board.BoardEntriesProposed;
import cn.taizhang.board.BoardEntry;
import cn.taizhang.board.BoardPeriod;
import cn.taizhang.method.MethodDefinition.Board;
import cn.taizhang.method.MethodDefinition.BoardKind;
import cn.taizhang.method.MethodDefinition.SubjectKind;
import cn.taizhang.method.TenantMethods;
import cn.taizhang.org.DataScope;
import cn.taizhang.org.Organisation;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Seed 000's boards: a confirmed reward goes to the red board, a confirmed accountability or
 * penalty to the black board (BOARD-1, BOARD-2), as entries of the board's draft for the period
 * the event falls in; the board module takes them through notice and publication. Entries are
 * never typed on a board page: each names the score event it comes from.
 */
@Component
class ConfirmedResultsToBoards {

    private final TenantMethods methods;
    private final Organisation organisation;
    private final ApplicationEventPublisher events;

    ConfirmedResultsToBoards(TenantMethods methods, Organisation organisation, ApplicationEventPublisher events) {
        this.methods = methods;
        this.organisation = organisation;
        this.events = events;
    }

    void handOver(ScoreEvent confirmed) {
        if (confirmed.points().isZero()) {
            return;
        }
        BoardKind kind = confirmed.points().isNegative() ? BoardKind.BLACK : BoardKind.RED;
        Optional<Board> board = methods.active(confirmed.tenantId()).flatMap(v -> v.definition().boards().stream()
                .filter(b -> b.kind() == kind).findFirst());
        if (board.isEmpty()) {
            return;
        }
        DataScope tenant = DataScope.wholeTenant(confirmed.tenantId());
        String fact = confirmed.itemName() + "：" + confirmed.reason();
        long deductionFen = confirmed.bonusDeduction().fen();
        List<BoardEntry> entries = confirmed.subjects().stream().map(s -> {
            boolean person = s.kind() == SubjectKind.PERSON;
            String post = person ? postOf(tenant, s.id()) : null;
            return new BoardEntry(person ? BoardEntry.Subject.PERSON : BoardEntry.Subject.UNIT, s.name(), post, fact,
                    confirmed.points().value(), deductionFen > 0 ? -deductionFen : null, "scoring",
                    confirmed.id() + ":" + s.kind() + ":" + s.id(), person ? s.id() : null, person ? null : s.id());
        }).toList();
        events.publishEvent(new BoardEntriesProposed(confirmed.tenantId(), board.get().code(),
                period(board.get(), confirmed.occurredOn()), entries));
    }

    private String postOf(DataScope tenant, long personId) {
        var p = organisation.person(tenant, personId);
        return p.title();
    }

    /** The period of the board's cadence the day falls in (BoardPeriod.containing). */
    static String period(Board board, LocalDate day) {
        return BoardPeriod.containing(board.cadence(), day).text();
    }
}
