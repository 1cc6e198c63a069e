package cn.taizhang.board.internal;

import java.time.OffsetDateTime;

/**
 * What the verification of an issue code found (BOARD-6). It is always a report, never an error:
 * an unknown code, an issue not yet published, a changed issue and a broken link are outcomes.
 *
 * @param code            the code asked for, normalised
 * @param outcome         the verdict
 * @param issue           the issue, when the code exists and it is published
 * @param storedHash      the hash sealed at publication
 * @param recomputedHash  the hash of the issue's rows as they are stored now
 * @param linkIntact      the issue's previous hash is the stored hash of the issue before it
 * @param earlierIntact   every earlier issue of the tenant's chain recomputes and links
 * @param firstBrokenSeq  the first place in the chain (up to this issue) that does not verify, if any
 * @param chainLength     how many issues the tenant has published
 * @param previousCode    the issue before this one in the chain
 * @param nextCode        the issue after it
 * @param printedHashOk   null when no hash was given; else whether the printed hash (e.g. from the
 *                        poster's QR code) is the start of the stored one
 * @param showContent     whether the issue is on the tenant's public page, so its entries may be shown
 */
public record Verification(String code, Outcome outcome, BoardIssue issue, String storedHash, String recomputedHash,
                           boolean linkIntact, boolean earlierIntact, Integer firstBrokenSeq, int chainLength,
                           String previousCode, String nextCode, Boolean printedHashOk, boolean showContent,
                           String tenantName, OffsetDateTime checkedAt) {

    public enum Outcome {
        /** The issue's rows reproduce its seal and it links to the chain before it. */
        INTACT,
        /** The rows no longer reproduce the hash sealed at publication. */
        ALTERED,
        /** The issue reproduces its seal but the chain before it does not verify. */
        CHAIN_BROKEN,
        /** The printed hash differs from the stored one (a forged poster, or a replaced seal). */
        PRINT_MISMATCH,
        /** No issue has this code, or it is not published yet. */
        UNKNOWN;

        public String messageKey() {
            return "board.verify.outcome." + name();
        }
    }

    public boolean intact() {
        return outcome == Outcome.INTACT;
    }
}
