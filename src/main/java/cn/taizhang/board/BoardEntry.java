package cn.taizhang.board;

import cn.taizhang.shared.DomainException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.regex.Pattern;

/**
 * One publishable line handed over to a board by another module. It names the subject by name and
 * post only (PIPL: name, post and fact — an entry has no field for an ID or phone number, and a
 * fact that contains one is refused), and says where it comes from, so that every line of a board
 * can be traced to the record behind it.
 *
 * @param subject      a person or a unit (group, village, town unit)
 * @param name         the person's or unit's name
 * @param post         the person's post (e.g. 城建办干部) or the unit's kind; may be null
 * @param fact         what is published about the subject
 * @param points       points added (positive) or deducted (negative), if the entry carries any
 * @param amountFen    a money amount in fen (reward, or bonus deduction), if any
 * @param sourceModule the module the fact comes from, e.g. {@code scoring}
 * @param sourceId     the id of the record in that module
 * @param personId     the person named, so that he or she may object during the notice period;
 *                     internal, never published; null for units
 * @param unitId       the unit named (group, village, town unit), so that the entry is posted at its
 *                     village's window too; internal, never published; null for persons, optional
 */
public record BoardEntry(Subject subject, String name, String post, String fact, BigDecimal points, Long amountFen,
                         String sourceModule, String sourceId, Long personId, Long unitId) {

    public enum Subject { PERSON, UNIT }

    /** A mainland mobile number (11 digits from 1[3-9]) or a landline with area code. */
    private static final Pattern PHONE = Pattern.compile("(?<!\\d)(1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8})(?!\\d)");
    /** A resident identity card number (18 characters, the last may be X). */
    private static final Pattern ID_NUMBER = Pattern.compile("(?<![0-9A-Za-z])\\d{17}[0-9Xx](?![0-9A-Za-z])");

    public BoardEntry {
        if (subject == null) {
            throw DomainException.atField("subject", "board.entry.subjectRequired");
        }
        name = required(name, "name", 100);
        post = optional(post, "post", 100);
        fact = required(fact, "fact", 1000);
        sourceModule = required(sourceModule, "sourceModule", 40);
        sourceId = required(sourceId, "sourceId", 80);
        for (String text : new String[] {name, post, fact}) {
            if (text != null && (PHONE.matcher(text).find() || ID_NUMBER.matcher(text).find())) {
                throw DomainException.atField("fact", "board.entry.personalNumber");
            }
        }
        if (points != null) {
            points = points.setScale(2, RoundingMode.HALF_UP);
            if (points.abs().compareTo(new BigDecimal("999999.99")) > 0) {
                throw DomainException.atField("points", "board.entry.pointsRange");
            }
        }
        if (subject == Subject.UNIT && personId != null) {
            throw DomainException.atField("personId", "board.entry.unitHasNoPerson");
        }
        if (subject == Subject.PERSON) {
            unitId = null; // a person's village is the one of his or her unit
        }
    }

    /** An entry that names no unit by id (a person's, or a unit's known by name only). */
    public BoardEntry(Subject subject, String name, String post, String fact, BigDecimal points, Long amountFen,
                      String sourceModule, String sourceId, Long personId) {
        this(subject, name, post, fact, points, amountFen, sourceModule, sourceId, personId, null);
    }

    /** A person's entry. */
    public static BoardEntry person(long personId, String name, String post, String fact, BigDecimal points,
                                    Long amountFen, String sourceModule, String sourceId) {
        return new BoardEntry(Subject.PERSON, name, post, fact, points, amountFen, sourceModule, sourceId, personId);
    }

    /** A unit's entry (group, village, town unit). */
    public static BoardEntry unit(String name, String kind, String fact, BigDecimal points, Long amountFen,
                                  String sourceModule, String sourceId) {
        return new BoardEntry(Subject.UNIT, name, kind, fact, points, amountFen, sourceModule, sourceId, null, null);
    }

    /** A unit's entry naming the unit, so that it is posted at its village's window too. */
    public static BoardEntry unit(long unitId, String name, String kind, String fact, BigDecimal points,
                                  Long amountFen, String sourceModule, String sourceId) {
        return new BoardEntry(Subject.UNIT, name, kind, fact, points, amountFen, sourceModule, sourceId, null, unitId);
    }

    private static String required(String value, String field, int max) {
        String v = optional(value, field, max);
        if (v == null) {
            throw DomainException.atField(field, "board.entry.required", field);
        }
        return v;
    }

    private static String optional(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (v.length() > max) {
            throw DomainException.atField(field, "board.entry.tooLong", field, max);
        }
        return v;
    }
}
