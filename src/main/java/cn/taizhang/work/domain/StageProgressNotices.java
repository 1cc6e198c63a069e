package cn.taizhang.work.domain;

import cn.taizhang.board.BoardDrafts;
import cn.taizhang.board.BoardEntry;
import cn.taizhang.board.BoardPeriod;
import cn.taizhang.board.Proposal;
import cn.taizhang.method.MethodDefinition.Board;
import cn.taizhang.method.MethodDefinition.BoardKind;
import cn.taizhang.method.TenantMethods;
import cn.taizhang.shared.AccessDeniedException;
import cn.taizhang.shared.CurrentUser;
import cn.taizhang.shared.DomainException;
import cn.taizhang.shared.Role;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Public notice of items' stage progress (BOARD-1 工作各阶段进展情况, BOARD-5 透明官/明白人): the
 * leadership or the discipline office hands the ledger's items, as filtered, to the board that
 * carries stage progress — the method's notice board, or else the red board whose contents name
 * progress. Each line names the responsible person and the lead unit and states the item, its
 * state, progress and deadline as the ledger has them today; the board's review, notice period and
 * publication follow, so nothing reaches the public unchecked.
 */
@Service
public class StageProgressNotices {

    /** At most this many items go into one hand-over: a notice is read, not searched. */
    public static final int MAX_ITEMS = 200;

    private final WorkItems work;
    private final TenantMethods methods;
    private final BoardDrafts boards;
    private final MessageSource messages;
    private final Clock clock;

    StageProgressNotices(WorkItems work, TenantMethods methods, BoardDrafts boards, MessageSource messages,
                         Clock clock) {
        this.work = work;
        this.methods = methods;
        this.boards = boards;
        this.messages = messages;
        this.clock = clock;
    }

    public static boolean mayHandOver(CurrentUser user) {
        return user.hasAny(Role.LEADERSHIP, Role.DISCIPLINE);
    }

    @Transactional
    public Proposal handOver(CurrentUser user, LedgerFilter filter) {
        if (!mayHandOver(user)) {
            throw new AccessDeniedException();
        }
        Board board = progressBoard(user.tenantId()).orElseThrow(() -> new DomainException("work.notice.noBoard"));
        LedgerFilter all = new LedgerFilter(filter.unitId(), filter.categoryCode(), filter.state(), filter.light(),
                filter.dueFrom(), filter.dueTo(), filter.sort(), null, null, MAX_ITEMS);
        List<LedgerRow> rows = work.ledger(user, all).stream()
                .filter(r -> r.state() != WorkState.DRAFT && r.state() != WorkState.CANCELLED).toList();
        if (rows.isEmpty()) {
            throw new DomainException("work.notice.nothing");
        }
        LocalDate today = LocalDate.now(clock);
        List<BoardEntry> entries = rows.stream().map(r -> BoardEntry.person(r.responsiblePersonId(),
                r.responsibleName(), r.leadUnitName(), fact(r), null, null, "work", r.id() + ":" + today)).toList();
        return boards.propose(user.tenantId(), board.code(), BoardPeriod.containing(board.cadence(), today).text(),
                entries);
    }

    /** The notice board of the method, or else its red board when that carries stage progress. */
    Optional<Board> progressBoard(long tenantId) {
        List<Board> all = methods.active(tenantId).map(v -> v.definition().boards()).orElse(List.of());
        return all.stream().filter(b -> b.kind() == BoardKind.NOTICE).findFirst()
                .or(() -> all.stream().filter(b -> b.kind() == BoardKind.RED && b.contents() != null
                        && b.contents().stream().anyMatch(c -> c.contains("进展"))).findFirst());
    }

    /** The published line, in Chinese as the boards are: item, state, progress, deadline. */
    private String fact(LedgerRow r) {
        return messages.getMessage("work.notice.fact", new Object[] {r.title(),
                messages.getMessage(r.state().messageKey(), null, Locale.SIMPLIFIED_CHINESE),
                String.valueOf(r.progress()), r.deadline().toString()}, Locale.SIMPLIFIED_CHINESE);
    }
}
