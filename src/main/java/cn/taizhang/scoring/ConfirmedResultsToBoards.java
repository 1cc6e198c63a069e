package cn.taizhang.scoring;

import cn.taizhang.board.BoardEntriesProposed;
import cn.taizhang.board.BoardEntry;
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

    /** The period form of the board's cadence; boards posted on each result gather a month per draft. */
    static String period(Board board, LocalDate day) {
        return switch (board.cadence()) {
            case YEAR -> String.valueOf(day.getYear());
            case HALF_YEAR -> day.getYear() + "-H" + (day.getMonthValue() <= 6 ? 1 : 2);
            case QUARTER -> day.getYear() + "-Q" + ((day.getMonthValue() - 1) / 3 + 1);
            case WEEK -> String.format("%d-W%02d", day.get(java.time.temporal.IsoFields.WEEK_BASED_YEAR),
                    day.get(java.time.temporal.IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case DAY -> day.toString();
            default -> String.format("%d-%02d", day.getYear(), day.getMonthValue());
        };
    }
}
