package cn.taizhang.work.domain;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * One line of an item's ledger (LEDGER-1..4).
 *
 * @param id       0 until stored
 * @param percent  the progress a report states
 * @param deadline the deadline a supervision opinion sets, or the deadline an extension asks for or grants
 * @param measures the measures a supervision opinion demands; for a stage evaluation the overall rating on the
 *                 first line, then one line per standard rated: code TAB rating TAB name
 * @param replyTo  the query an answer answers
 */
public record LedgerEntry(long id, OffsetDateTime occurredAt, LedgerKind kind, String actorName, Long actorPersonId,
                          WorkState stateAfter, String body, Integer percent, LocalDate deadline, String measures,
                          Long replyTo) {

    /** The overall rating of a stage evaluation line, else null. */
    @JsonProperty("stageRating")
    public StageRating stageRating() {
        if (kind != LedgerKind.STAGE_EVALUATION || measures == null) {
            return null;
        }
        int nl = measures.indexOf('\n');
        return StageRating.parse(nl < 0 ? measures : measures.substring(0, nl));
    }

    /** The per-standard ratings of a stage evaluation line (none for one rated without standards). */
    @JsonProperty("standardRatings")
    public List<StandardRating> standardRatings() {
        if (kind != LedgerKind.STAGE_EVALUATION || measures == null) {
            return List.of();
        }
        List<StandardRating> out = new ArrayList<>();
        String[] lines = measures.split("\n");
        for (int i = 1; i < lines.length; i++) {
            String[] f = lines[i].split("\t", 3);
            if (f.length == 3) {
                out.add(new StandardRating(f[0], f[2], StageRating.parse(f[1])));
            }
        }
        return out;
    }

    /** The stage a STAGE_DONE line reports done, as {@code seq TAB name} in measures; else null. */
    public String stageDoneName() {
        if (kind != LedgerKind.STAGE_DONE || measures == null) {
            return null;
        }
        int tab = measures.indexOf('\t');
        return tab < 0 ? measures : measures.substring(tab + 1);
    }

    /** How a stage evaluation is kept on its ledger line (see {@code measures}). */
    static String stageMeasures(StageRating overall, List<StandardRating> standards) {
        var sb = new StringBuilder(overall.name());
        for (StandardRating r : standards) {
            sb.append('\n').append(r.code()).append('\t').append(r.rating().name()).append('\t')
                    .append(r.name().replace('\n', ' ').replace('\t', ' '));
        }
        return sb.toString();
    }
}
