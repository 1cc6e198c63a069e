package cn.taizhang.board.internal;

/** Where an issue stands: draft → in review → notice period → published (sealed). */
public enum IssueStatus {
    DRAFT, IN_REVIEW, NOTICE, PUBLISHED;

    public String messageKey() {
        return "board.status." + name();
    }
}
