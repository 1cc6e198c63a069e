package cn.taizhang.board.internal;

import cn.taizhang.org.Tenant;
import cn.taizhang.org.Tenants;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Recomputes seals from the stored rows and walks the tenant's chain (BOARD-6). */
@Service
public class BoardVerifier {

    private static final Pattern CODE = Pattern.compile("[0-9A-Z]{5}-[0-9A-Z]{5}");
    private static final Pattern HEX = Pattern.compile("[0-9a-f]{8,64}");

    private final BoardRepository repo;
    private final PublicBoards publicBoards;
    private final Tenants tenants;
    private final Clock clock;

    BoardVerifier(BoardRepository repo, PublicBoards publicBoards, Tenants tenants, Clock clock) {
        this.repo = repo;
        this.publicBoards = publicBoards;
        this.tenants = tenants;
        this.clock = clock;
    }

    /** Verifies the issue with this code; {@code printedHash} (optional) is the hash printed with it. */
    @Transactional(readOnly = true)
    public Verification verify(String code, String printedHash) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        String c = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
        Optional<BoardIssue> found = CODE.matcher(c).matches() ? repo.byCode(c) : Optional.empty();
        if (found.isEmpty() || !found.get().isPublished()) {
            return new Verification(c, Verification.Outcome.UNKNOWN, null, null, null, false, false, null, 0, null,
                    null, null, false, null, now);
        }
        BoardIssue issue = found.get();
        List<BoardIssue> chain = repo.chain(issue.tenantId());
        int index = -1;
        for (int i = 0; i < chain.size(); i++) {
            if (chain.get(i).id() == issue.id()) {
                index = i;
            }
        }
        String recomputed = Seal.hash(issue, repo.entries(issue.tenantId(), issue.id()));
        boolean selfIntact = recomputed.equals(issue.contentHash());
        String expectedPrevious = index <= 0 ? Seal.GENESIS : chain.get(index - 1).contentHash();
        boolean linkIntact = index >= 0 && expectedPrevious.equals(issue.previousHash())
                && issue.chainSeq() == index + 1;
        Integer firstBroken = firstBroken(chain, index);
        boolean earlierIntact = firstBroken == null;
        Boolean printedOk = null;
        if (printedHash != null && !printedHash.isBlank()) {
            String p = printedHash.strip().toLowerCase(Locale.ROOT);
            printedOk = HEX.matcher(p).matches() && issue.contentHash().startsWith(p);
        }
        Verification.Outcome outcome;
        if (!selfIntact) {
            outcome = Verification.Outcome.ALTERED;
        } else if (!linkIntact || !earlierIntact) {
            outcome = Verification.Outcome.CHAIN_BROKEN;
        } else if (Boolean.FALSE.equals(printedOk)) {
            outcome = Verification.Outcome.PRINT_MISMATCH;
        } else {
            outcome = Verification.Outcome.INTACT;
        }
        String tenantName = tenants.find(issue.tenantId()).map(Tenant::name).orElse("");
        return new Verification(c, outcome, issue, issue.contentHash(), recomputed, linkIntact, earlierIntact,
                firstBroken, chain.size(), index > 0 ? chain.get(index - 1).code() : null,
                index >= 0 && index + 1 < chain.size() ? chain.get(index + 1).code() : null, printedOk,
                publicBoards.isPublicNow(issue, now), tenantName, now);
    }

    /** The first place in the tenant's whole chain that does not verify, or null when all do. */
    @Transactional(readOnly = true)
    public Integer firstBroken(long tenantId) {
        List<BoardIssue> chain = repo.chain(tenantId);
        return firstBroken(chain, chain.size() - 1);
    }

    /** The first chain place up to {@code upTo} (inclusive) that does not recompute or link. */
    private Integer firstBroken(List<BoardIssue> chain, int upTo) {
        String previous = Seal.GENESIS;
        for (int i = 0; i <= upTo && i < chain.size(); i++) {
            BoardIssue b = chain.get(i);
            boolean ok = b.chainSeq() == i + 1 && previous.equals(b.previousHash())
                    && Seal.hash(b, repo.entries(b.tenantId(), b.id())).equals(b.contentHash());
            if (!ok) {
                return i + 1;
            }
            previous = b.contentHash();
        }
        return null;
    }
}
