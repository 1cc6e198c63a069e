package cn.taizhang.board.internal;

import cn.taizhang.audit.AuditJournal;
import cn.taizhang.board.BoardEntry;
import cn.taizhang.board.BoardObjectionRaised;
import cn.taizhang.board.BoardPeriod;
import cn.taizhang.board.Proposal;
import cn.taizhang.method.MethodDefinition.Board;
import cn.taizhang.method.MethodDefinition.BoardKind;
import cn.taizhang.method.MethodDefinition.Visibility;
import cn.taizhang.method.MethodVersion;
import cn.taizhang.method.TenantMethods;
import cn.taizhang.org.DataScope;
import cn.taizhang.org.Organisation;
import cn.taizhang.shared.CurrentUser;
import cn.taizhang.shared.DomainException;
import cn.taizhang.shared.NotFoundException;
import cn.taizhang.shared.Role;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The life of a board issue (BOARD-4, BOARD-6), an explicit state machine:
 * <pre>
 *   DRAFT ──submit──▶ IN_REVIEW ──review──▶ NOTICE ──publish──▶ PUBLISHED (sealed)
 *             ◀──return──┘
 * </pre>
 * Entries come only from other modules ({@link #propose}); on a draft or an issue in review the
 * leadership or discipline office may withdraw an entry with a reason, never type one. The
 * leadership or the discipline office submits; the leadership (班子) reviews and opens the notice
 * period; the people named may object during it; the discipline office (镇纪委, which "负责张榜公告"
 * in seed 000) resolves objections with the leadership and publishes. Publishing seals the issue
 * into the tenant's SM3 chain. A correction is a new issue that names the published issue it
 * corrects and why; it starts from a copy of its entries and goes through the same flow.
 *
 * <p>Every step is journalled. Every method takes the tenant of the caller; an issue of another
 * tenant is "not found".
 */
@Service
public class BoardFlow {

    /** Roles that may submit an issue, withdraw an entry, start a correction and resolve objections. */
    static final Role[] EDITORS = {Role.LEADERSHIP, Role.DISCIPLINE};

    private static final char[] CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ".toCharArray();

    private final BoardRepository repo;
    private final TenantMethods methods;
    private final Organisation organisation;
    private final AuditJournal journal;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    private final ApplicationEventPublisher events;
    private final VillageWindows villages;
    private final PublicBoards publicBoards;

    BoardFlow(BoardRepository repo, TenantMethods methods, Organisation organisation, AuditJournal journal,
              Clock clock, ApplicationEventPublisher events, VillageWindows villages, PublicBoards publicBoards) {
        this.publicBoards = publicBoards;
        this.villages = villages;
        this.repo = repo;
        this.methods = methods;
        this.organisation = organisation;
        this.journal = journal;
        this.clock = clock;
        this.events = events;
    }

    // ---------------------------------------------------------------- entries handed over

    /** The board of the tenant's adopted method with this code. */
    public Board board(long tenantId, String boardCode) {
        MethodVersion v = methods.active(tenantId).orElseThrow(() -> new DomainException("board.noMethod"));
        return v.definition().boards().stream().filter(b -> b.code().equals(boardCode)).findFirst()
                .orElseThrow(() -> DomainException.atField("boardCode", "board.unknownBoard", String.valueOf(boardCode)));
    }

    /** Adds handed-over entries to the open draft of the board and period, creating it when there is none. */
    @Transactional
    public Proposal propose(long tenantId, String boardCode, String period, List<BoardEntry> entries, String by) {
        Board board = board(tenantId, boardCode);
        BoardPeriod p = BoardPeriod.parse(period).requireFits(board.cadence());
        if (entries == null || entries.isEmpty()) {
            throw DomainException.atField("entries", "board.entries.none");
        }
        repo.lockTenant(tenantId);
        checkPeople(tenantId, entries);
        List<BoardEntry> fresh = new ArrayList<>();
        for (BoardEntry e : entries) {
            boolean twice = fresh.stream().anyMatch(f -> f.sourceModule().equals(e.sourceModule())
                    && f.sourceId().equals(e.sourceId()));
            if (!twice && !repo.sourceOnBoard(tenantId, board.code(), e.sourceModule(), e.sourceId())) {
                fresh.add(e);
            }
        }
        int added = fresh.size();
        int skipped = entries.size() - added;
        var open = repo.openDraft(tenantId, board.code(), p.text());
        if (fresh.isEmpty() && open.isEmpty()) {
            return new Proposal(null, null, 0, skipped);
        }
        BoardIssue draft = open.orElseGet(() -> newIssue(tenantId, board.code(), board.name(), board.kind(),
                board.visibility(), publicRequires(board), board.noticeDays(), board.retentionDays(), p.text(), null,
                null, by));
        Function<BoardEntry, Long> village = villages.resolver(tenantId, board);
        fresh.forEach(e -> repo.insertEntry(tenantId, draft.id(), e, village.apply(e)));
        journal.record(tenantId, "board.entriesProposed", "board_issue", draft.id(),
                "榜示草稿 " + draft.boardName() + " " + draft.period() + " 收到 " + added + " 条",
                null, Map.of("issue", draft.code(), "added", added, "skipped", skipped, "by", by), null);
        return new Proposal(draft.id(), draft.code(), added, skipped);
    }

    /**
     * Corrected entries handed over for a published issue: they go into its correction (started
     * if none is under way) and replace the copied entries of the same source record.
     */
    @Transactional
    public Proposal proposeCorrection(long tenantId, String correctsCode, String reason, List<BoardEntry> entries,
                                      String by) {
        if (entries == null || entries.isEmpty()) {
            throw DomainException.atField("entries", "board.entries.none");
        }
        BoardIssue target = correctionTarget(tenantId, correctsCode);
        repo.lockTenant(tenantId);
        checkPeople(tenantId, entries);
        BoardIssue correction = repo.pendingCorrection(tenantId, target.id())
                .orElseGet(() -> startCorrectionOf(tenantId, target, reason, by));
        if (correction.status() != IssueStatus.DRAFT) {
            throw new DomainException("board.correction.underWay", correction.code());
        }
        List<EntryRow> current = repo.entries(tenantId, correction.id());
        Function<BoardEntry, Long> village = methods.active(tenantId)
                .flatMap(v -> v.definition().boards().stream().filter(b -> b.code().equals(target.boardCode())).findFirst())
                .map(b -> villages.resolver(tenantId, b)).orElse(e -> null);
        for (BoardEntry e : entries) {
            current.stream().filter(r -> !r.withdrawn() && r.sourceModule().equals(e.sourceModule())
                            && r.sourceId().equals(e.sourceId()))
                    .forEach(r -> repo.withdraw(tenantId, correction.id(), r.id(), "由更正结果替换 / replaced by the corrected result", by));
            repo.insertEntry(tenantId, correction.id(), e, village.apply(e));
        }
        journal.record(tenantId, "board.correctionProposed", "board_issue", correction.id(),
                "更正 " + target.code() + " 收到 " + entries.size() + " 条", null,
                Map.of("issue", correction.code(), "corrects", target.code(), "entries", entries.size(), "by", by),
                reason);
        return new Proposal(correction.id(), correction.code(), entries.size(), 0);
    }

    // ---------------------------------------------------------------- reading

    public BoardIssue issue(long tenantId, long issueId) {
        return repo.issue(tenantId, issueId).orElseThrow(() -> new NotFoundException("board_issue", issueId));
    }

    /** An issue the user may see: drafts and issues in review only for the leadership and the discipline office. */
    public BoardIssue visibleIssue(CurrentUser user, long issueId) {
        BoardIssue issue = issue(user.tenantId(), issueId);
        if (!mayEdit(user) && (issue.status() == IssueStatus.DRAFT || issue.status() == IssueStatus.IN_REVIEW)) {
            throw new NotFoundException("board_issue", issueId);
        }
        return issue;
    }

    public List<BoardIssue> visibleIssues(CurrentUser user) {
        List<IssueStatus> statuses = mayEdit(user) ? List.of(IssueStatus.values())
                : List.of(IssueStatus.NOTICE, IssueStatus.PUBLISHED);
        return repo.issues(user.tenantId(), statuses);
    }

    /** Issues in their notice period that name the user: he or she is told, and may object. */
    public List<BoardIssue> namingMe(CurrentUser user) {
        return user.personId() == null ? List.of()
                : repo.namingPerson(user.tenantId(), user.personId(), List.of(IssueStatus.NOTICE));
    }

    public List<EntryRow> entries(long tenantId, long issueId) {
        return repo.entries(tenantId, issueId);
    }

    public List<Objection> objections(long tenantId, long issueId) {
        return repo.objections(tenantId, issueId);
    }

    public static boolean mayEdit(CurrentUser user) {
        return user.hasAny(EDITORS);
    }

    public static boolean mayReview(CurrentUser user) {
        return user.has(Role.LEADERSHIP);
    }

    public static boolean mayPublish(CurrentUser user) {
        return user.has(Role.DISCIPLINE);
    }

    // ---------------------------------------------------------------- the flow

    @Transactional
    public BoardIssue withdrawEntry(CurrentUser user, long issueId, long entryId, String reason) {
        requireEditor(user);
        BoardIssue issue = issue(user.tenantId(), issueId);
        requireState(issue, IssueStatus.DRAFT, IssueStatus.IN_REVIEW);
        String why = requireText(reason, "reason", "board.withdraw.reasonRequired");
        EntryRow entry = repo.entry(user.tenantId(), issueId, entryId)
                .orElseThrow(() -> new NotFoundException("board_entry", entryId));
        if (entry.withdrawn()) {
            throw new DomainException("board.withdraw.already");
        }
        repo.withdraw(user.tenantId(), issueId, entryId, why, user.displayName());
        journal.record(user.tenantId(), "board.entryWithdrawn", "board_entry", entryId,
                "撤下榜示条目 " + entry.name() + "（" + issue.code() + "）",
                Map.of("withdrawn", false), Map.of("withdrawn", true, "issue", issue.code()), why);
        return issue(user.tenantId(), issueId);
    }

    @Transactional
    public BoardIssue submit(CurrentUser user, long issueId) {
        requireEditor(user);
        BoardIssue issue = issue(user.tenantId(), issueId);
        requireState(issue, IssueStatus.DRAFT);
        requireEntries(issue);
        if (!repo.submit(user.tenantId(), issueId, issue.version(), user.displayName(), now())) {
            throw new DomainException("error.changedMeanwhile");
        }
        return journalled(user, issue, "board.submitted", "提交审核", null);
    }

    @Transactional
    public BoardIssue returnToDraft(CurrentUser user, long issueId, String reason) {
        if (!mayReview(user)) {
            throw new NotDesignatedException("board.review.notDesignated");
        }
        BoardIssue issue = issue(user.tenantId(), issueId);
        requireState(issue, IssueStatus.IN_REVIEW);
        String why = requireText(reason, "reason", "board.return.reasonRequired");
        if (!repo.returnToDraft(user.tenantId(), issueId, issue.version())) {
            throw new DomainException("error.changedMeanwhile");
        }
        return journalled(user, issue, "board.returned", "退回草稿", why);
    }

    /** The leadership approves the issue; its notice period (from the method) starts now. */
    @Transactional
    public BoardIssue startNotice(CurrentUser user, long issueId) {
        if (!mayReview(user)) {
            throw new NotDesignatedException("board.review.notDesignated");
        }
        BoardIssue issue = issue(user.tenantId(), issueId);
        requireState(issue, IssueStatus.IN_REVIEW);
        requireEntries(issue);
        OffsetDateTime starts = now();
        if (!repo.startNotice(user.tenantId(), issueId, issue.version(), user.displayName(), starts,
                starts.plusDays(issue.noticeDays()))) {
            throw new DomainException("error.changedMeanwhile");
        }
        return journalled(user, issue, "board.noticeStarted", "开始公示 " + issue.noticeDays() + " 天", null);
    }

    /** A person named in the issue objects to his or her entry during the notice period. */
    @Transactional
    public Objection object(CurrentUser user, long issueId, long entryId, String text) {
        BoardIssue issue = issue(user.tenantId(), issueId);
        if (issue.status() != IssueStatus.NOTICE) {
            throw new DomainException("board.objection.notInNotice");
        }
        if (issue.noticeEndsAt() != null && !now().isBefore(issue.noticeEndsAt())) {
            throw new DomainException("board.objection.noticeOver");
        }
        EntryRow entry = repo.entry(user.tenantId(), issueId, entryId)
                .orElseThrow(() -> new NotFoundException("board_entry", entryId));
        if (entry.withdrawn() || entry.personId() == null || user.personId() == null
                || !entry.personId().equals(user.personId())) {
            throw new DomainException("board.objection.notNamed");
        }
        String why = requireText(text, "text", "board.objection.textRequired");
        if (why.length() > 1000) {
            throw DomainException.atField("text", "board.objection.tooLong", 1000);
        }
        long id = repo.insertObjection(user.tenantId(), issueId, entryId, user.personId(), user.displayName(), why, now());
        journal.record(user.tenantId(), "board.objectionRaised", "board_objection", id,
                "对榜示 " + issue.code() + " 提出异议", null, Map.of("issue", issue.code(), "entry", entryId), why);
        // the module the entry comes from may take it up (scoring files an appeal) in this transaction
        events.publishEvent(new BoardObjectionRaised(user.tenantId(), issue.code(), id, entry.sourceModule(),
                entry.sourceId(), user.personId(), user.username(), why));
        return repo.objection(user.tenantId(), id).orElseThrow();
    }

    public void linkObjection(long tenantId, long objectionId, String module, String recordId) {
        Objection o = repo.objection(tenantId, objectionId)
                .orElseThrow(() -> new NotFoundException("board_objection", objectionId));
        repo.linkObjection(tenantId, o.id(), module, recordId);
        journal.record(tenantId, "board.objectionLinked", "board_objection", objectionId,
                "异议转入 " + module + " " + recordId + " 处理", null, Map.of("module", module, "record", recordId), null);
    }

    /** The decision of the module that took a linked objection up, applied as a resolution on the board. */
    public void settleObjection(long tenantId, long objectionId, boolean upheld, String decision, String by) {
        Objection o = repo.objection(tenantId, objectionId)
                .orElseThrow(() -> new NotFoundException("board_objection", objectionId));
        BoardIssue issue = issue(tenantId, o.issueId());
        if (!o.isOpen() || issue.status() != IssueStatus.NOTICE) {
            return;
        }
        applyResolution(tenantId, issue, o, upheld ? Objection.Status.UPHELD : Objection.Status.DISMISSED,
                requireText(decision, "resolution", "board.objection.resolutionRequired"), by);
    }

    /**
     * Resolves an objection, on record: UPHELD withdraws the entry (the resolution is the reason),
     * DISMISSED keeps it. Either way the objection no longer blocks publication.
     */
    @Transactional
    public Objection resolve(CurrentUser user, long issueId, long objectionId, Objection.Status outcome,
                             String resolution) {
        requireEditor(user);
        BoardIssue issue = issue(user.tenantId(), issueId);
        requireState(issue, IssueStatus.NOTICE);
        if (outcome == null || outcome == Objection.Status.OPEN) {
            throw DomainException.atField("outcome", "board.objection.outcomeRequired");
        }
        String why = requireText(resolution, "resolution", "board.objection.resolutionRequired");
        Objection o = repo.objections(user.tenantId(), issueId).stream().filter(x -> x.id() == objectionId)
                .findFirst().orElseThrow(() -> new NotFoundException("board_objection", objectionId));
        if (o.isLinked() && o.isOpen()) {
            // one complaint, one decision: the appeal it became decides it
            throw new DomainException("board.objection.linked", o.linkedModule(), o.linkedId());
        }
        applyResolution(user.tenantId(), issue, o, outcome, why, user.displayName());
        return repo.objection(user.tenantId(), objectionId).orElseThrow();
    }

    private void applyResolution(long tenantId, BoardIssue issue, Objection o, Objection.Status outcome, String why,
                                 String by) {
        if (!o.isOpen() || !repo.resolve(tenantId, issue.id(), o.id(), outcome, why, by, now())) {
            throw new DomainException("board.objection.alreadyResolved");
        }
        if (outcome == Objection.Status.UPHELD) {
            repo.withdraw(tenantId, issue.id(), o.entryId(), why, by);
        }
        journal.record(tenantId, "board.objectionResolved", "board_objection", o.id(),
                "处理榜示 " + issue.code() + " 的异议：" + outcome.name(),
                Map.of("status", "OPEN"), Map.of("status", outcome.name(), "issue", issue.code()), why);
    }

    /**
     * Publishes and seals the issue: only the discipline office, only after the notice period,
     * only with no open objection. The hash covers the previous publication's hash.
     */
    @Transactional
    public BoardIssue publish(CurrentUser user, long issueId) {
        if (!mayPublish(user)) {
            throw new NotDesignatedException("board.publish.notDesignated");
        }
        long tenantId = user.tenantId();
        BoardIssue issue = issue(tenantId, issueId);
        requireState(issue, IssueStatus.NOTICE);
        OffsetDateTime now = now();
        if (issue.noticeEndsAt() != null && now.isBefore(issue.noticeEndsAt())) {
            throw new DomainException("board.publish.noticeRunning", issue.noticeEndsAt().toLocalDate().toString());
        }
        long open = repo.objections(tenantId, issueId).stream().filter(Objection::isOpen).count();
        if (open > 0) {
            throw new DomainException("board.publish.openObjection", open);
        }
        requireEntries(issue);
        repo.lockTenant(tenantId);
        if (issue.isCorrection()) {
            BoardIssue target = issue(tenantId, issue.correctsIssueId());
            if (target.isCorrected()) {
                throw new DomainException("board.correction.alreadyCorrected", target.code(), target.correctedByCode());
            }
        }
        var last = repo.lastSealed(tenantId);
        int seq = last.map(l -> l.chainSeq() + 1).orElse(1);
        String previous = last.map(BoardIssue::contentHash).orElse(Seal.GENESIS);
        OffsetDateTime at = now.truncatedTo(ChronoUnit.SECONDS);
        BoardIssue sealed = issue.sealedAs(at, user.displayName(), seq, previous);
        String hash = Seal.hash(sealed, repo.entries(tenantId, issueId));
        if (!repo.seal(tenantId, issueId, issue.version(), user.displayName(), at, seq, previous, hash)) {
            throw new DomainException("error.changedMeanwhile");
        }
        publicBoards.forget(tenantId);
        BoardIssue stored = issue(tenantId, issueId);
        if (!hash.equals(Seal.hash(stored, repo.entries(tenantId, issueId)))) {
            throw new IllegalStateException("the stored issue " + issue.code() + " does not reproduce its seal");
        }
        journal.record(tenantId, "board.published", "board_issue", issueId,
                "发布并封存榜示 " + issue.boardName() + " " + issue.period() + "（" + issue.code() + "）",
                Map.of("status", issue.status().name()),
                Map.of("status", "PUBLISHED", "chainSeq", seq, "hash", hash, "previous", previous), null);
        return stored;
    }

    /** Starts the correction of a published issue: a new draft with a copy of its entries. */
    @Transactional
    public BoardIssue startCorrection(CurrentUser user, String correctsCode, String reason) {
        requireEditor(user);
        BoardIssue target = correctionTarget(user.tenantId(), correctsCode);
        requireText(reason, "reason", "board.correction.reasonRequired");
        repo.lockTenant(user.tenantId());
        repo.pendingCorrection(user.tenantId(), target.id()).ifPresent(p -> {
            throw new DomainException("board.correction.underWay", p.code());
        });
        return startCorrectionOf(user.tenantId(), target, reason, user.displayName());
    }

    private BoardIssue correctionTarget(long tenantId, String correctsCode) {
        if (correctsCode == null || correctsCode.isBlank()) {
            throw DomainException.atField("corrects", "board.correction.targetRequired");
        }
        String code = correctsCode.strip().toUpperCase(java.util.Locale.ROOT);
        BoardIssue target = repo.byCode(code).filter(i -> i.tenantId() == tenantId)
                .orElseThrow(() -> DomainException.atField("corrects", "board.correction.targetUnknown", code));
        if (!target.isPublished()) {
            throw DomainException.atField("corrects", "board.correction.notPublished", code);
        }
        if (target.isCorrected()) {
            throw DomainException.atField("corrects", "board.correction.alreadyCorrected", code, target.correctedByCode());
        }
        return target;
    }

    private BoardIssue startCorrectionOf(long tenantId, BoardIssue target, String reason, String by) {
        String why = requireText(reason, "reason", "board.correction.reasonRequired");
        if (why.length() > 500) {
            throw DomainException.atField("reason", "board.correction.reasonTooLong", 500);
        }
        BoardIssue correction = newIssue(tenantId, target.boardCode(), target.boardName(), target.boardKind(),
                target.visibility(), target.publicRequires(), target.noticeDays(), target.retentionDays(),
                target.period(), target.id(), why, by);
        for (EntryRow e : repo.entries(tenantId, target.id())) {
            if (!e.withdrawn()) {
                repo.insertEntry(tenantId, correction.id(), new BoardEntry(e.subject(), e.name(), e.post(), e.fact(),
                        e.points(), e.amountFen(), e.sourceModule(), e.sourceId(), e.personId()), e.villageUnitId());
            }
        }
        journal.record(tenantId, "board.correctionStarted", "board_issue", correction.id(),
                "更正榜示 " + target.code() + "，新草稿 " + correction.code(), null,
                Map.of("issue", correction.code(), "corrects", target.code()), why);
        return issue(tenantId, correction.id());
    }

    // ---------------------------------------------------------------- helpers

    private BoardIssue newIssue(long tenantId, String boardCode, String boardName, BoardKind kind, Visibility visibility,
                                List<String> publicRequires, Integer noticeDays, Integer retentionDays, String period,
                                Long correctsId, String reason, String by) {
        String code;
        do {
            code = newCode();
        } while (repo.codeTaken(code));
        long id = repo.insertIssue(tenantId, code, boardCode, boardName, kind, visibility, publicRequires,
                noticeDays == null ? 0 : noticeDays, retentionDays, period, correctsId, reason, by, now());
        journal.record(tenantId, "board.draftCreated", "board_issue", id, "新建榜示草稿 " + boardName + " " + period,
                null, Map.of("code", code, "board", boardCode, "period", period), reason);
        return issue(tenantId, id);
    }

    /** Ten characters from an alphabet without look-alikes (0/O, 1/I/L), grouped for reading aloud. */
    private String newCode() {
        var sb = new StringBuilder(11);
        for (int i = 0; i < 10; i++) {
            if (i == 5) {
                sb.append('-');
            }
            sb.append(CODE_ALPHABET[random.nextInt(CODE_ALPHABET.length)]);
        }
        return sb.toString();
    }

    /** Compliance flags a public board needs before it is shown publicly (POLICY.md). */
    static List<String> publicRequires(Board board) {
        List<String> flags = new ArrayList<>();
        if (board.visibility() == Visibility.PUBLIC && board.kind() == BoardKind.BLACK) {
            flags.add("PUBLIC_BLACK_BOARD:" + board.code());
        }
        if (board.visibility() == Visibility.PUBLIC && board.namesBottomMembers()) {
            flags.add("PUBLIC_NAMING:" + board.code());
        }
        return flags;
    }

    private void checkPeople(long tenantId, List<BoardEntry> entries) {
        DataScope scope = DataScope.wholeTenant(tenantId);
        for (BoardEntry e : entries) {
            if (e.personId() != null) {
                try {
                    organisation.person(scope, e.personId());
                } catch (NotFoundException ex) {
                    throw DomainException.atField("personId", "board.entry.personUnknown", e.personId());
                }
            }
        }
    }

    private void requireEntries(BoardIssue issue) {
        if (repo.entries(issue.tenantId(), issue.id()).stream().allMatch(EntryRow::withdrawn)) {
            throw new DomainException("board.issue.empty");
        }
    }

    private static void requireEditor(CurrentUser user) {
        if (!mayEdit(user)) {
            throw new NotDesignatedException("board.edit.notDesignated");
        }
    }

    private static void requireState(BoardIssue issue, IssueStatus... allowed) {
        for (IssueStatus s : allowed) {
            if (issue.status() == s) {
                return;
            }
        }
        throw new DomainException("board.issue.wrongState", issue.code(), issue.status().name());
    }

    private static String requireText(String text, String field, String key) {
        if (text == null || text.isBlank()) {
            throw DomainException.atField(field, key);
        }
        return text.strip();
    }

    private BoardIssue journalled(CurrentUser user, BoardIssue before, String action, String what, String reason) {
        BoardIssue after = issue(user.tenantId(), before.id());
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("status", before.status().name());
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("status", after.status().name());
        a.put("issue", after.code());
        journal.record(user.tenantId(), action, "board_issue", before.id(),
                what + " " + before.boardName() + " " + before.period() + "（" + before.code() + "）", b, a, reason);
        return after;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
