package cn.taizhang.scoring;

import cn.taizhang.board.BoardDrafts;
import cn.taizhang.board.BoardObjectionRaised;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * An objection to a score entry during a board's notice period is the scored person's appeal
 * (SCORE-7, BOARD-4): it is filed as the appeal of that score and linked on the board, and the
 * leadership's decision of the appeal settles the objection — one complaint, one decision.
 * Entries handed over by {@link ConfirmedResultsToBoards} name their source as EVENT:KIND:SUBJECT.
 */
@Component
class BoardObjectionsToAppeals {

    private final ScoreEvents events;
    private final BoardDrafts boards;

    BoardObjectionsToAppeals(ScoreEvents events, BoardDrafts boards) {
        this.events = events;
        this.boards = boards;
    }

    @EventListener
    void on(BoardObjectionRaised objection) {
        if (!"scoring".equals(objection.sourceModule())) {
            return;
        }
        String[] source = objection.sourceId().split(":");
        if (source.length != 3 || !"PERSON".equals(source[1]) || !isNumber(source[0])
                || !String.valueOf(objection.personId()).equals(source[2])) {
            return;
        }
        events.appealFromBoardObjection(objection.tenantId(), Long.parseLong(source[0]), objection.personId(),
                        objection.raisedBy(), objection.text(), objection.objectionId(), objection.issueCode())
                .ifPresent(appealId -> boards.linkObjection(objection.tenantId(), objection.objectionId(), "scoring",
                        "appeal:" + appealId));
    }

    private static boolean isNumber(String s) {
        return !s.isEmpty() && s.chars().allMatch(Character::isDigit);
    }
}
