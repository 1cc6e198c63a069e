package cn.taizhang.board;

import cn.taizhang.audit.AuditJournal;
import cn.taizhang.board.internal.BoardFlow;
import cn.taizhang.shared.CurrentUser;
import cn.taizhang.shared.DomainException;
import java.util.List;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How other modules hand publishable entries to the boards. Which boards exist, their cadence,
 * visibility, notice period and retention come from the tenant's adopted method. Entries join
 * the open draft of the board and period; a source record already on the board is skipped, so
 * handing the same result over twice does no harm.
 */
@Service
public class BoardDrafts {

    private final BoardFlow flow;
    private final AuditJournal journal;

    BoardDrafts(BoardFlow flow, AuditJournal journal) {
        this.flow = flow;
        this.journal = journal;
    }

    /**
     * Adds entries to the draft of {@code boardCode} for {@code period}.
     *
     * @throws DomainException when the tenant has no method or no such board, the period does not
     *                         fit the board's cadence, there are no entries, or a person named is
     *                         not the tenant's
     */
    @Transactional
    public Proposal propose(long tenantId, String boardCode, String period, List<BoardEntry> entries) {
        return flow.propose(tenantId, boardCode, period, entries, actor());
    }

    /**
     * Hands over corrected entries for a published issue (named by its code, with the reason): they
     * go into its correction, replacing the copied entries from the same source records.
     */
    @Transactional
    public Proposal proposeCorrection(long tenantId, String correctsCode, String reason, List<BoardEntry> entries) {
        return flow.proposeCorrection(tenantId, correctsCode, reason, entries, actor());
    }

    /**
     * Records that the module an entry comes from took an objection up as its own record (scoring:
     * an appeal). From then on the objection is settled there, not on the board page.
     */
    @Transactional
    public void linkObjection(long tenantId, long objectionId, String module, String recordId) {
        flow.linkObjection(tenantId, objectionId, module, recordId);
    }

    /**
     * Settles a linked objection with the decision taken in the module that took it up: upheld
     * withdraws the entry, dismissed keeps it. An objection no longer open is left as it is.
     */
    @Transactional
    public void settleObjection(long tenantId, long objectionId, boolean upheld, String decision) {
        flow.settleObjection(tenantId, objectionId, upheld, decision, actor());
    }

    /** The same as {@link #propose}, for modules that publish an event; a board the method lacks is skipped. */
    @EventListener
    void on(BoardEntriesProposed event) {
        try {
            flow.board(event.tenantId(), event.boardCode());
        } catch (DomainException e) {
            journal.record(event.tenantId(), "board.proposalSkipped", "board", event.boardCode(),
                    "榜示条目未入榜：本单位方法没有榜 " + event.boardCode(),
                    null, Map.of("board", String.valueOf(event.boardCode()), "entries", event.entries().size()),
                    e.messageKey());
            return;
        }
        flow.propose(event.tenantId(), event.boardCode(), event.period(), event.entries(), actor());
    }

    private static String actor() {
        return CurrentUser.find().map(CurrentUser::displayName).orElse("system");
    }
}
