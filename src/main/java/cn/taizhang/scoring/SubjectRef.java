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
}
