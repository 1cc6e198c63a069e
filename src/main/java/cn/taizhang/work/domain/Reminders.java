package cn.taizhang.work.domain;

import cn.taizhang.method.MethodDefinition;
import cn.taizhang.method.MethodVersion;
import cn.taizhang.method.TenantMethods;
import cn.taizhang.org.Organisation;
import cn.taizhang.org.Person;
import cn.taizhang.shared.CurrentUser;
import cn.taizhang.shared.NotFoundException;
import cn.taizhang.work.OutgoingReminder;
import cn.taizhang.work.ReminderSender;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reminders and escalation (催办, WORK-7). A yellow or red light, a passed deadline, or a supervision
 * opinion due within the yellow window (or overdue) without an answer sends a reminder to the
 * responsible person. When nothing is reported (for an opinion: no answer to it) within the method's
 * {@code trafficLight.escalateAfterWorkingDays} working days (default 1), it goes to the lead group's
 * supervisor-assessor, or else the supervising leader; after twice that, to the lead group's leader,
 * or else the supervising leader; a step whose person already had the reminder is left out. A stage of
 * the reverse schedule due within the yellow window (or overdue) and neither reported done nor caught
 * up by the reported progress reminds and escalates the same way, until it is reported done. Each
 * reminder lands in the person's inbox and is then handed to the {@link ReminderSender}.
 */
@Service
public class Reminders {

    /** The working days a reminder waits before it escalates when the method does not say. */
    public static final int DEFAULT_ESCALATE_AFTER = 1;

    /** How often the external sender is tried with one reminder: once when it is made, then at each run. */
    public static final int SEND_ATTEMPTS = 3;

    private static final Logger log = LoggerFactory.getLogger(Reminders.class);

    private final ReminderRepository reminders;
    private final CalendarRepository calendars;
    private final TenantMethods methods;
    private final Organisation organisation;
    private final ReminderSender sender;
    private final MessageSource messages;
    private final Clock clock;

    Reminders(ReminderRepository reminders, CalendarRepository calendars, TenantMethods methods,
              Organisation organisation, ReminderSender sender, MessageSource messages, Clock clock) {
        this.reminders = reminders;
        this.calendars = calendars;
        this.methods = methods;
        this.organisation = organisation;
        this.sender = sender;
        this.messages = messages;
        this.clock = clock;
    }

    /** Creates the reminders and escalations due now in the tenant; returns how many were created. */
    @Transactional
    public int run(long tenantId) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        LocalDate today = now.atZoneSameInstant(WorkingCalendar.CHINA).toLocalDate();
        WorkingCalendar calendar = calendars.calendar(tenantId);
        Optional<MethodDefinition> definition = methods.active(tenantId).map(MethodVersion::definition);
        LightPolicy policy = LightPolicy.of(definition.orElse(null));
        int after = escalateAfter(definition.orElse(null));

        LocalDate dueBy = workingDaysAfter(calendar, today, policy.yellowWithinWorkingDays());
        List<ReminderRepository.Due> due = new ArrayList<>(reminders.firstReminders(tenantId, today, dueBy));
        for (ReminderRepository.StageDue s : reminders.stagesDue(tenantId, today, dueBy)) {
            if (s.progress() < LightPolicy.plannedPercent(calendar, s.startDate(), s.deadline(), s.dueOn())) {
                due.add(new ReminderRepository.Due(s.itemId(), s.itemTitle(),
                        s.dueOn().isBefore(today) ? Reminder.Reason.STAGE_OVERDUE : Reminder.Reason.STAGE_DUE,
                        Reminder.stageRef(s.seq(), s.dueOn()), 0, s.personId(), s.light(), s.dueOn(), s.stageName()));
            }
        }
        for (ReminderRepository.Open o : reminders.unanswered(tenantId)) {
            if (o.reason() == Reminder.Reason.STAGE_DUE && o.dueOn().isBefore(today)) {
                continue; // the stage is now overdue: its STAGE_OVERDUE chain takes over
            }
            if (o.reason().isStage() && (o.deadline().isBefore(today) || o.progress()
                    >= LightPolicy.plannedPercent(calendar, o.startDate(), o.deadline(), o.dueOn()))) {
                // the item is overdue (its deadline reminders speak) or its progress caught up with the stage
                continue;
            }
            LocalDate since = o.createdAt().atZoneSameInstant(WorkingCalendar.CHINA).toLocalDate();
            int waited = calendar.countWorkingDays(since.plusDays(1), today);
            Long supervisor = o.assessorId() != null ? o.assessorId() : o.supervisingLeaderId();
            Long leader = o.leaderId() != null ? o.leaderId() : o.supervisingLeaderId();
            if (waited >= after && supervisor != null && supervisor != o.responsibleId()) {
                due.add(new ReminderRepository.Due(o.itemId(), o.itemTitle(), o.reason(), o.refId(), 1, supervisor, o.light(), o.dueOn(),
                        o.stageName()));
            }
            if (waited >= 2 * after && leader != null && leader != o.responsibleId() && !Objects.equals(leader, supervisor)) {
                due.add(new ReminderRepository.Due(o.itemId(), o.itemTitle(), o.reason(), o.refId(), 2, leader, o.light(), o.dueOn(),
                        o.stageName()));
            }
        }
        List<ReminderRepository.Created> created = reminders.insert(tenantId, due, now);
        List<ReminderRepository.Created> toSend = new ArrayList<>(reminders.toResend(tenantId, SEND_ATTEMPTS));
        toSend.addAll(created);
        Map<Long, Optional<Person>> people = new HashMap<>();
        List<Long> sent = new ArrayList<>();
        for (ReminderRepository.Created c : toSend) {
            Optional<Person> person = people.computeIfAbsent(c.due().personId(),
                    p -> organisation.findPersonInTenant(tenantId, p));
            if (send(tenantId, c, person.orElse(null))) {
                sent.add(c.id());
            }
        }
        reminders.sent(tenantId, sent, now);
        return created.size();
    }

    static int escalateAfter(MethodDefinition definition) {
        MethodDefinition.TrafficLight t = definition == null || definition.practices() == null ? null
                : definition.practices().trafficLight();
        return t == null || t.escalateAfterWorkingDays() == null ? DEFAULT_ESCALATE_AFTER : t.escalateAfterWorkingDays();
    }

    /** The day on which {@code days} working days after today have passed (today itself when 0). */
    private static LocalDate workingDaysAfter(WorkingCalendar calendar, LocalDate today, int days) {
        LocalDate day = today;
        for (int n = 0; n < days; ) {
            day = day.plusDays(1);
            if (calendar.isWorkingDay(day)) {
                n++;
            }
        }
        return day;
    }

    // The inbox is already written; a failing sender is recorded on the message (tried again at the next
    // run) and the run goes on.
    private boolean send(long tenantId, ReminderRepository.Created c, Person person) {
        ReminderRepository.Due d = c.due();
        String text = messages.getMessage("reminder.text." + d.reason().name() + "." + d.step(),
                new Object[] {d.itemTitle(), lightName(d.light()), d.dueOn() == null ? "" : d.dueOn().toString(),
                        d.stageName() == null ? "" : d.stageName()}, Locale.CHINA);
        try {
            sender.send(new OutgoingReminder(tenantId, c.id(), d.personId(), person == null ? null : person.name(),
                    person == null ? null : person.phone(), d.itemId(), d.step(), text));
            return true;
        } catch (RuntimeException e) {
            log.warn("reminder {} could not be sent: {}", c.id(), e.toString());
            reminders.sendFailed(tenantId, c.id(), e.toString());
            return false;
        }
    }

    private String lightName(Light light) {
        return light == null ? "" : messages.getMessage(light.messageKey(), null, Locale.CHINA);
    }

    // ------------------------------------------------------------------ the inbox

    /** The signed-in person's inbox, newest first (the latest 200). */
    public List<Reminder> inbox(CurrentUser user) {
        return user.personId() == null ? List.of() : reminders.inbox(user.tenantId(), user.personId(), 200);
    }

    public int unread(CurrentUser user) {
        return user.personId() == null ? 0 : reminders.unread(user.tenantId(), user.personId());
    }

    /** Marks one of the user's own messages read and returns its item; another person's message is "not found". */
    @Transactional
    public long markRead(CurrentUser user, long id) {
        Optional<Long> item = user.personId() == null ? Optional.empty()
                : reminders.markRead(user.tenantId(), user.personId(), id, OffsetDateTime.now(clock));
        return item.orElseThrow(() -> new NotFoundException("reminder", id));
    }

    @Transactional
    public int markAllRead(CurrentUser user) {
        return user.personId() == null ? 0 : reminders.markAllRead(user.tenantId(), user.personId(), OffsetDateTime.now(clock));
    }
}
