/**
 * Boards (榜示, BOARD-1 to BOARD-6): red, black, people, deeds, gold, results and notice boards
 * as the tenant's method declares them. Other modules hand over publishable entries — never typed
 * by hand on a board page — through {@link cn.taizhang.board.BoardDrafts} or by publishing a
 * {@link cn.taizhang.board.BoardEntriesProposed} event. An issue goes draft → in review → notice
 * period (the people named may object; an open objection blocks publication) → published by the
 * discipline office, and is then sealed with SM3 into the tenant's hash chain, which anyone can
 * verify on the public page.
 *
 * <p>Public API: {@link cn.taizhang.board.BoardDrafts}, {@link cn.taizhang.board.BoardEntry},
 * {@link cn.taizhang.board.BoardPeriod}, {@link cn.taizhang.board.BoardEntriesProposed} and
 * {@link cn.taizhang.board.Proposal}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "audit", "org", "method"})
package cn.taizhang.board;
