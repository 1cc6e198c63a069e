package cn.taizhang.board.internal;

import cn.taizhang.method.MethodCompliance;
import cn.taizhang.method.MethodDefinition.Visibility;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import cn.taizhang.method.ComplianceBasisRecorded;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.stereotype.Service;

/**
 * What the public sees (BOARD-4, BOARD-5, POLICY.md): published issues of public boards whose
 * compliance basis (a public black board needs one) is recorded now, within their retention
 * period. Corrected issues stay, marked as corrected. Everything else stays in the archive.
 */
@Service
public class PublicBoards {

    private final BoardRepository repo;
    private final MethodCompliance compliance;
    private final Clock clock;
    private final Map<Long, Published> cache = new ConcurrentHashMap<>();

    PublicBoards(BoardRepository repo, MethodCompliance compliance, Clock clock) {
        this.repo = repo;
        this.compliance = compliance;
        this.clock = clock;
    }

    public record PublicIssue(BoardIssue issue, List<EntryRow> entries) {
    }

    public boolean isPublicNow(BoardIssue issue, OffsetDateTime now) {
        return issue.isPublished() && issue.visibility() == Visibility.PUBLIC && !issue.retentionOver(now)
                && issue.publicRequires().stream().allMatch(f -> compliance.isEffective(issue.tenantId(), f));
    }

    /** Whether the board is public in principle but held internal until its basis is recorded. */
    public boolean heldForBasis(BoardIssue issue) {
        return issue.visibility() == Visibility.PUBLIC
                && !issue.publicRequires().stream().allMatch(f -> compliance.isEffective(issue.tenantId(), f));
    }

    /** The published entries of an issue (withdrawn ones are not published). */
    public List<EntryRow> entries(BoardIssue issue) {
        return repo.entries(issue.tenantId(), issue.id()).stream().filter(e -> !e.withdrawn()).toList();
    }

    /**
     * The tenant's public page. Residents read it far more often than anything is published, so the
     * published public issues with their entries and the recorded bases are kept in memory: dropped
     * on a publication or a recorded basis in this server, and checked against the database (the
     * chain head and the bases) at most once a second; retention is checked on every call.
     */
    public List<PublicIssue> of(long tenantId) {
        return page(tenantId).issues();
    }

    /**
     * What the public page of a tenant shows now, with a version that changes whenever what it shows
     * changes: a publication, an issue leaving after its retention, a basis recorded or withdrawn.
     */
    public record PublicPage(String version, List<PublicIssue> issues) {
    }

    public PublicPage page(long tenantId) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        long nanos = System.nanoTime();
        Published published = cache.get(tenantId);
        if (published == null || nanos - published.checkedAt() > REVALIDATE_NANOS) {
            String chainHead = repo.chainHead(tenantId);
            List<PublicIssue> issues = published != null && published.chainHead().equals(chainHead)
                    ? published.issues()
                    : repo.issues(tenantId, List.of(IssueStatus.PUBLISHED)).stream()
                            .filter(i -> i.visibility() == Visibility.PUBLIC && !i.retentionOver(now))
                            .map(i -> new PublicIssue(i, entries(i)))
                            .toList();
            published = new Published(chainHead, issues, compliance.effectiveFlags(tenantId), nanos);
            cache.put(tenantId, published);
        }
        Set<String> effective = published.effective();
        List<PublicIssue> shown = published.issues().stream()
                .filter(p -> !p.issue().retentionOver(now) && effective.containsAll(p.issue().publicRequires()))
                .toList();
        String version = published.chainHead() + shown.stream().map(p -> String.valueOf(p.issue().id()))
                .collect(Collectors.joining(",", ":", ""));
        return new PublicPage(version, shown);
    }

    /**
     * Forgets what is kept of a tenant's public boards, after a publication or a recorded basis in
     * this server (another server sees it within REVALIDATE_NANOS); after the commit, so that a
     * reader in between does not keep the state before it.
     */
    public void forget(long tenantId) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    cache.remove(tenantId);
                }
            });
        } else {
            cache.remove(tenantId);
        }
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(ComplianceBasisRecorded recorded) {
        cache.remove(recorded.tenantId());
    }

    /**
     * The published public issues of a tenant as they stood when its chain ended in the given hash,
     * with the flags effective then, checked against the database at checkedAt (System.nanoTime).
     */
    private record Published(String chainHead, List<PublicIssue> issues, Set<String> effective, long checkedAt) {
    }

    /** How long what is kept is trusted before the chain head and the bases are read again: 1 s. */
    private static final long REVALIDATE_NANOS = 1_000_000_000L;
}
