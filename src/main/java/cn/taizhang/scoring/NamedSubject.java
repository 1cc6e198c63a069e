package cn.taizhang.scoring;

/** A subject to assess, with its name. */
public record NamedSubject(SubjectRef ref, String name) {
}
