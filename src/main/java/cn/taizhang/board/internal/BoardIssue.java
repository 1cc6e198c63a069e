package cn.taizhang.board.internal;

import cn.taizhang.method.MethodDefinition.BoardKind;
import cn.taizhang.method.MethodDefinition.Visibility;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * One issue of a board as stored. The board's name, kind, visibility, notice period and retention
 * are copied from the tenant's method when the draft is made, so that a later change of the method
 * does not change what was published.
 *
 * @param publicRequires  compliance flags that must be effective before a public issue shows publicly
 * @param correctsCode    the code of the issue this one corrects, if it is a correction
 * @param correctedByCode the code of the published issue that corrects this one, if any
 */
public record BoardIssue(long id, long tenantId, String code, String boardCode, String boardName, BoardKind boardKind,
                         Visibility visibility, List<String> publicRequires, int noticeDays, Integer retentionDays,
                         String period, IssueStatus status, Long correctsIssueId, String correctsCode,
                         String correctionReason, String createdBy, OffsetDateTime createdAt, String submittedBy,
                         OffsetDateTime submittedAt, String reviewedBy, OffsetDateTime noticeStartsAt,
                         OffsetDateTime noticeEndsAt, String publishedBy, OffsetDateTime publishedAt, Integer chainSeq,
                         String previousHash, String contentHash, int version, String correctedByCode) {

    public boolean isPublished() {
        return status == IssueStatus.PUBLISHED;
    }

    public boolean isCorrection() {
        return correctsIssueId != null;
    }

    public boolean isCorrected() {
        return correctedByCode != null;
    }

    /** Whether the issue left the public page because its retention ran out (it stays in the archive). */
    public boolean retentionOver(OffsetDateTime now) {
        return publishedAt != null && retentionDays != null && !publishedAt.plusDays(retentionDays).isAfter(now);
    }

    public BoardIssue sealedAs(OffsetDateTime at, String by, int seq, String previous) {
        return new BoardIssue(id, tenantId, code, boardCode, boardName, boardKind, visibility, publicRequires,
                noticeDays, retentionDays, period, IssueStatus.PUBLISHED, correctsIssueId, correctsCode,
                correctionReason, createdBy, createdAt, submittedBy, submittedAt, reviewedBy, noticeStartsAt,
                noticeEndsAt, by, at, seq, previous, null, version, correctedByCode);
    }
}
