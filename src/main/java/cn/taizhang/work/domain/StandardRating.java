package cn.taizhang.work.domain;

/** The rating of one stage-evaluation standard of the method (e.g. 工作运行好: 较好), with the name it had then. */
public record StandardRating(String code, String name, StageRating rating) {
}
