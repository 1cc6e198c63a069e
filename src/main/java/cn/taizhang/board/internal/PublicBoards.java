package cn.taizhang.board.internal;

import cn.taizhang.method.MethodCompliance;
import cn.taizhang.method.MethodDefinition.Visibility;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
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

    public List<PublicIssue> of(long tenantId) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return repo.issues(tenantId, List.of(IssueStatus.PUBLISHED)).stream()
                .filter(i -> isPublicNow(i, now))
                .map(i -> new PublicIssue(i, entries(i)))
                .toList();
    }
}
