package cn.taizhang.work.domain;

import cn.taizhang.shared.AccessDeniedException;
import cn.taizhang.shared.CurrentUser;
import cn.taizhang.shared.DomainException;
import cn.taizhang.shared.NotFoundException;
import cn.taizhang.shared.Role;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The supervision group's monthly round (每月督办, LEDGER-4): the lagging items of the township (red or
 * yellow light now, overdue, or turned red or yellow during the month), supervision opinions with
 * measures and a deadline issued to several of them at once, the month's opinions with whether they
 * were answered or closed out and with what evidence, and the quarter's stage evaluations (LEDGER-6).
 * The discipline office issues; the leadership looks on.
 */
@Service
public class SupervisionRound {

    /** Where an opinion stands. */
    public enum OpinionState {
        OPEN, OVERDUE, ANSWERED, CLOSED_OUT;

        public String messageKey() {
            return "inspection.opinion." + name();
        }
    }

    /** A lagging item; reason and the numbers after it are those of its last light change. */
    public record LaggingItem(long id, String title, String categoryName, WorkState state, Light light,
                              String leadUnitName, String responsibleName, LocalDate deadline, int progress,
                              boolean overdue, LightPolicy.Reason reason, Integer daysLeft, Integer planned,
                              Integer progressAtLight, Integer behind, int openOpinions) {
    }

    public record Opinion(long id, long itemId, String title, WorkState itemState, OffsetDateTime issuedAt,
                          String issuedBy, String measures, LocalDate until, String text, OffsetDateTime answeredAt,
                          String answeredBy, String answer, int answerFiles, OffsetDateTime closedAt,
                          String closeOutEvidence, int closeOutFiles, OpinionState state) {
    }

    public record Round(YearMonth month, LocalDate today, List<LaggingItem> lagging, List<Opinion> opinions,
                        int year, int quarter, List<InspectionRepository.StageEvaluation> evaluations,
                        boolean mayIssue) {
    }

    private final RoundRepository rounds;
    private final InspectionRepository inspections;
    private final WorkItems work;
    private final Clock clock;

    SupervisionRound(RoundRepository rounds, InspectionRepository inspections, WorkItems work, Clock clock) {
        this.rounds = rounds;
        this.inspections = inspections;
        this.work = work;
        this.clock = clock;
    }

    public static boolean mayView(CurrentUser user) {
        return user.hasAny(Role.DISCIPLINE, Role.LEADERSHIP);
    }

    /** The round of a month (the current one when null). */
    public Round round(CurrentUser user, YearMonth month) {
        if (!mayView(user)) {
            throw new AccessDeniedException();
        }
        LocalDate today = LocalDate.now(clock.withZone(WorkingCalendar.CHINA));
        YearMonth m = month == null ? YearMonth.from(today) : month;
        OffsetDateTime from = m.atDay(1).atStartOfDay(WorkingCalendar.CHINA).toOffsetDateTime();
        OffsetDateTime to = m.plusMonths(1).atDay(1).atStartOfDay(WorkingCalendar.CHINA).toOffsetDateTime();
        long t = user.tenantId();
        int quarter = (today.getMonthValue() - 1) / 3 + 1;
        return new Round(m, today, rounds.lagging(t, today, from, to), rounds.opinions(t, today, from, to),
                today.getYear(), quarter, inspections.stageEvaluations(t, today.getYear(), quarter),
                user.has(Role.DISCIPLINE));
    }

    /**
     * One supervision opinion (督办意见) to each chosen item, all or none: when one item refuses it, the
     * message names the item and nothing is issued. Each opinion joins its item's ledger and the journal.
     */
    @Transactional
    public int issue(CurrentUser user, List<Long> itemIds, String measures, LocalDate until, String text) {
        if (!user.has(Role.DISCIPLINE)) {
            throw new AccessDeniedException();
        }
        Set<Long> ids = new LinkedHashSet<>();
        if (itemIds != null) {
            itemIds.stream().filter(java.util.Objects::nonNull).forEach(ids::add);
        }
        if (ids.isEmpty()) {
            throw DomainException.atField("itemIds", "inspection.round.noItems");
        }
        for (Long id : ids) {
            String title = work.item(user, id).title();
            try {
                work.supervisionOpinion(user, id, measures, until, text);
            } catch (NotFoundException | AccessDeniedException e) {
                throw e;
            } catch (DomainException e) {
                throw DomainException.atField(e.field() == null ? "itemIds" : e.field(), "inspection.round.itemRefused",
                        title, new DefaultMessageSourceResolvable(new String[] {e.messageKey()}, e.args(), e.messageKey()));
            }
        }
        return ids.size();
    }
}
