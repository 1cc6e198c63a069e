package cn.taizhang.scoring;

import cn.taizhang.method.MethodDefinition.SubjectKind;

/** Who is scored or rated: a person id (PERSON) or an org unit id (GROUP, UNIT, VILLAGE). */
public record SubjectRef(SubjectKind kind, long id) {

    public SubjectRef {
        if (kind == null) {
            throw new IllegalArgumentException("subject kind is required");
        }
    }

    /** PERSON-17 */
    public String key() {
        return kind + "-" + id;
    }

    public static SubjectRef parse(String kind, long id) {
        try {
            return new SubjectRef(SubjectKind.valueOf(kind.toUpperCase(java.util.Locale.ROOT)), id);
        } catch (IllegalArgumentException e) {
            throw cn.taizhang.shared.DomainException.atField("subjectKind", "scoring.subject.badKind", kind);
        }
    }

    /** How an org unit is scored: groups as GROUP, villages and communities as VILLAGE, other units as UNIT. */
    public static SubjectKind kindOf(cn.taizhang.org.UnitKind kind) {
        return switch (kind) {
            case GROUP, COMMAND_GROUP -> SubjectKind.GROUP;
            case VILLAGE, COMMUNITY -> SubjectKind.VILLAGE;
            case OFFICE, TOWN_UNIT, STATIONED_UNIT -> SubjectKind.UNIT;
            default -> null;
        };
    }

    /** PERSON:17 as a form sends it. */
    public static SubjectRef ofForm(String value) {
        int colon = value == null ? -1 : value.indexOf(':');
        if (colon < 0) {
            throw cn.taizhang.shared.DomainException.atField("subjects", "scoring.subject.badKind", String.valueOf(value));
        }
        try {
            return parse(value.substring(0, colon), Long.parseLong(value.substring(colon + 1)));
        } catch (NumberFormatException e) {
            throw cn.taizhang.shared.DomainException.atField("subjects", "scoring.subject.badKind", value);
        }
    }

    public String formValue() {
        return kind + ":" + id;
    }
}
