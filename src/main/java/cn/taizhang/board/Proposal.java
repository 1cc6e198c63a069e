package cn.taizhang.board;

/**
 * What became of handed-over entries.
 *
 * @param issueId   the draft issue they went into
 * @param issueCode the issue's verification code
 * @param added     entries added
 * @param skipped   entries whose source record is already on this board
 */
public record Proposal(long issueId, String issueCode, int added, int skipped) {
}
