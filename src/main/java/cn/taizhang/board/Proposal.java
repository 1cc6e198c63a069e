package cn.taizhang.board;

/**
 * What became of handed-over entries.
 *
 * @param issueId   the draft issue they went into; null when every entry was already on the board
 *                  and no draft was open
 * @param issueCode the issue's verification code (null likewise)
 * @param added     entries added
 * @param skipped   entries whose source record is already on this board
 */
public record Proposal(Long issueId, String issueCode, int added, int skipped) {
}
