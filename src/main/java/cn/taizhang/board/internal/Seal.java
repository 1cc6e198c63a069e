package cn.taizhang.board.internal;

import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.util.encoders.Hex;

/**
 * The seal of a published issue (BOARD-6): a deterministic serialisation of what was published and
 * its SM3 hash. The serialisation is one {@code field=value} line per field in a fixed order, then
 * one block per published entry in position order; values are escaped (backslash, line breaks), so
 * no text can forge another field. It covers the previous issue's hash and the issue's place in the
 * chain, so that changing any earlier issue breaks every later link.
 */
public final class Seal {

    /** The version of the serialisation, itself part of what is hashed. */
    public static final String FORMAT = "taizhang-board-v1";

    /** The previous hash of a tenant's first publication. */
    public static final String GENESIS = "0".repeat(64);

    private Seal() {
    }

    /** The canonical text of an issue as published, from its stored rows (withdrawn entries are left out). */
    public static String canonical(BoardIssue issue, List<EntryRow> entries) {
        var out = new StringBuilder(256 + entries.size() * 160);
        line(out, "format", FORMAT);
        line(out, "tenant", String.valueOf(issue.tenantId()));
        line(out, "chain", issue.chainSeq() == null ? "" : String.valueOf(issue.chainSeq()));
        line(out, "previous", issue.previousHash());
        line(out, "code", issue.code());
        line(out, "board", issue.boardCode());
        line(out, "boardName", issue.boardName());
        line(out, "kind", issue.boardKind().name());
        line(out, "visibility", issue.visibility().name());
        line(out, "period", issue.period());
        line(out, "noticeDays", String.valueOf(issue.noticeDays()));
        line(out, "retentionDays", issue.retentionDays() == null ? "" : String.valueOf(issue.retentionDays()));
        line(out, "publishedAt", issue.publishedAt() == null ? "" : issue.publishedAt().toInstant().toString());
        line(out, "publishedBy", issue.publishedBy());
        line(out, "corrects", issue.correctsCode());
        line(out, "correctionReason", issue.correctionReason());
        List<EntryRow> published = entries.stream().filter(e -> !e.withdrawn())
                .sorted(Comparator.comparingInt(EntryRow::position)).toList();
        line(out, "entries", String.valueOf(published.size()));
        int n = 0;
        for (EntryRow e : published) {
            n++;
            String p = "entry." + n + ".";
            line(out, p + "subject", e.subject().name());
            line(out, p + "name", e.name());
            line(out, p + "post", e.post());
            line(out, p + "fact", e.fact());
            line(out, p + "points", e.points() == null ? "" : e.points().setScale(2, RoundingMode.HALF_UP).toPlainString());
            line(out, p + "amountFen", e.amountFen() == null ? "" : String.valueOf(e.amountFen()));
            line(out, p + "source", e.sourceModule() + "/" + e.sourceId());
        }
        return out.toString();
    }

    /** The SM3 hash (GB/T 32905-2016) of the text's UTF-8 bytes, as 64 lower-case hex digits. */
    public static String sm3(String text) {
        byte[] in = text.getBytes(StandardCharsets.UTF_8);
        var digest = new SM3Digest();
        digest.update(in, 0, in.length);
        byte[] out = new byte[digest.getDigestSize()];
        digest.doFinal(out, 0);
        return Hex.toHexString(out);
    }

    public static String hash(BoardIssue issue, List<EntryRow> entries) {
        return sm3(canonical(issue, entries));
    }

    private static void line(StringBuilder out, String field, String value) {
        out.append(field).append('=');
        if (value != null) {
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                switch (c) {
                    case '\\' -> out.append("\\\\");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    default -> out.append(c);
                }
            }
        } else {
            out.append("\\0");
        }
        out.append('\n');
    }
}
