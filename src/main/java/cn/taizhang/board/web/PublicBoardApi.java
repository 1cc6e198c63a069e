package cn.taizhang.board.web;

import cn.taizhang.board.internal.BoardIssue;
import cn.taizhang.board.internal.BoardVerifier;
import cn.taizhang.board.internal.EntryRow;
import cn.taizhang.board.internal.PublicBoards;
import cn.taizhang.board.internal.Verification;
import cn.taizhang.org.Tenant;
import cn.taizhang.org.Tenants;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Public boards as JSON for other government portals, read-only and without sign-in. */
@RestController
@RequestMapping(path = "/api/public", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "public boards", description = "公开榜示 / public boards (no sign-in)")
class PublicBoardApi {

    private final Tenants tenants;
    private final PublicBoards publicBoards;
    private final BoardVerifier verifier;
    private final MessageSource messages;

    PublicBoardApi(Tenants tenants, PublicBoards publicBoards, BoardVerifier verifier, MessageSource messages) {
        this.tenants = tenants;
        this.publicBoards = publicBoards;
        this.verifier = verifier;
        this.messages = messages;
    }

    /** Name, post and fact only: no person id, no phone, no ID number. */
    record PublicEntry(String subject, String name, String post, String fact, BigDecimal points, Long amountFen,
                       String source) {
        static PublicEntry of(EntryRow e) {
            return new PublicEntry(e.subject().name(), e.name(), e.post(), e.fact(), e.points(), e.amountFen(),
                    e.sourceModule() + "/" + e.sourceId());
        }
    }

    record PublicIssue(String code, String board, String boardName, String kind, String period,
                       OffsetDateTime publishedAt, String publishedBy, int chainSeq, String hash, String previousHash,
                       String corrects, String correctionReason, String correctedBy, String verifyPath,
                       List<PublicEntry> entries) {
        static PublicIssue of(BoardIssue i, List<EntryRow> entries) {
            return new PublicIssue(i.code(), i.boardCode(), i.boardName(), i.boardKind().name(), i.period(),
                    i.publishedAt(), i.publishedBy(), i.chainSeq(), i.contentHash(), i.previousHash(), i.correctsCode(),
                    i.correctionReason(), i.correctedByCode(), "/public/verify?code=" + i.code(),
                    entries.stream().map(PublicEntry::of).toList());
        }
    }

    record PublicBoardsView(String tenant, String tenantName, List<PublicIssue> issues) {
    }

    record VerificationView(String code, String outcome, boolean intact, String message, String tenantName,
                            String boardName, String period, OffsetDateTime publishedAt, Integer chainSeq,
                            int chainLength, String storedHash, String recomputedHash, boolean linkIntact,
                            boolean earlierIntact, Integer firstBrokenSeq, String previousCode, String nextCode,
                            Boolean printedHashOk, String corrects, String correctedBy, OffsetDateTime checkedAt) {
    }

    @GetMapping("/{tenantCode}/boards")
    @Operation(summary = "The tenant's public boards",
            description = "Published issues of public boards within their retention; a black board only when the "
                    + "tenant recorded the basis for publishing it. Corrected issues stay, with correctedBy.")
    PublicBoardsView boards(@PathVariable String tenantCode) {
        Tenant t = PublicBoardPages.activeTenant(tenants, tenantCode);
        return new PublicBoardsView(t.code(), t.name(), publicBoards.of(t.id()).stream()
                .map(pi -> PublicIssue.of(pi.issue(), pi.entries())).toList());
    }

    @GetMapping("/verify")
    @Operation(summary = "Verify a published issue by its code",
            description = "Recomputes the SM3 hash from the stored rows and walks the tenant's chain. An unknown code "
                    + "is reported with outcome UNKNOWN, not as an error. hash: the digits printed with the issue.")
    VerificationView verify(@RequestParam(required = false) String code, @RequestParam(required = false) String hash,
                            Locale locale) {
        Verification v = verifier.verify(code, hash);
        BoardIssue i = v.issue();
        return new VerificationView(v.code(), v.outcome().name(), v.intact(),
                messages.getMessage(v.outcome().messageKey(), null, locale), v.tenantName(),
                i == null ? null : i.boardName(), i == null ? null : i.period(), i == null ? null : i.publishedAt(),
                i == null ? null : i.chainSeq(), v.chainLength(), v.storedHash(), v.recomputedHash(), v.linkIntact(),
                v.earlierIntact(), v.firstBrokenSeq(), v.previousCode(), v.nextCode(), v.printedHashOk(),
                i == null ? null : i.correctsCode(), i == null ? null : i.correctedByCode(), v.checkedAt());
    }
}
