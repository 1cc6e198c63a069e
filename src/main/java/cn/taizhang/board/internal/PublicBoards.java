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
     * published public issues with their entries are kept in memory until the tenant's chain grows
     * (a publication or a correction changes its head); retention and the recorded bases are checked on every call.
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
        String chainHead = repo.chainHead(tenantId);
        Published published = cache.get(tenantId);
        if (published == null || !published.chainHead().equals(chainHead)) {
            published = new Published(chainHead, repo.issues(tenantId, List.of(IssueStatus.PUBLISHED)).stream()
                    .filter(i -> i.visibility() == Visibility.PUBLIC && !i.retentionOver(now))
                    .map(i -> new PublicIssue(i, entries(i)))
                    .toList());
            cache.put(tenantId, published);
        }
        Set<String> effective = compliance.effectiveFlags(tenantId);
        List<PublicIssue> shown = published.issues().stream()
                .filter(p -> !p.issue().retentionOver(now) && effective.containsAll(p.issue().publicRequires()))
                .toList();
        String version = chainHead + shown.stream().map(p -> String.valueOf(p.issue().id()))
                .collect(Collectors.joining(",", ":", ""));
        return new PublicPage(version, shown);
    }

    /** The published public issues of a tenant as they stood when its chain ended in the given hash. */
    private record Published(String chainHead, List<PublicIssue> issues) {
    }
}
