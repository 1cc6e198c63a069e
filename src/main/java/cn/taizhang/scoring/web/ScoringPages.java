package cn.taizhang.scoring.web;

import cn.taizhang.method.MethodDefinition;
import cn.taizhang.method.MethodDefinition.Period;
import cn.taizhang.method.MethodDefinition.SubjectKind;
import cn.taizhang.method.TenantMethods;
import cn.taizhang.org.DataScope;
import cn.taizhang.org.OrgScopes;
import cn.taizhang.org.OrgUnit;
import cn.taizhang.org.Organisation;
import cn.taizhang.org.Person;
import cn.taizhang.org.Tenant;
import cn.taizhang.scoring.Assessments;
import cn.taizhang.scoring.CycleWindow;
import cn.taizhang.scoring.EventFact;
import cn.taizhang.scoring.Money;
import cn.taizhang.scoring.RatingSheets;
import cn.taizhang.scoring.Regulations;
import cn.taizhang.scoring.Score;
import cn.taizhang.scoring.ScoreEvent;
import cn.taizhang.scoring.ScoreEvents;
import cn.taizhang.scoring.SubjectRef;
import cn.taizhang.shared.AccessDeniedException;
import cn.taizhang.shared.CurrentUser;
import cn.taizhang.shared.DomainException;
import cn.taizhang.shared.Role;
import cn.taizhang.shared.web.Flash;
import cn.taizhang.shared.web.FormErrors;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The scoring pages: enter an event (proposer), the confirmation queue (discipline office), an
 * event with its corrections and appeals, my points, appeals to decide (leadership), rating
 * sheets, rankings and explanations, the regulations register.
 */
@Controller
@RequestMapping("/scoring")
class ScoringPages {

    /** A subject a form can choose. */
    record Choice(String value, String label) {
    }

    /** A month of my points: total, bonus deduction and the lines behind them. */
    record Month(String key, Score total, Money deduction, List<EventFact> lines) {
    }

    private final ScoreEvents events;
    private final RatingSheets sheets;
    private final Assessments assessments;
    private final Regulations regulations;
    private final TenantMethods methods;
    private final Organisation organisation;
    private final OrgScopes scopes;
    private final MessageSource messages;
    private final Clock clock;

    ScoringPages(ScoreEvents events, RatingSheets sheets, Assessments assessments, Regulations regulations,
                 TenantMethods methods, Organisation organisation, OrgScopes scopes, MessageSource messages,
                 Clock clock) {
        this.events = events;
        this.sheets = sheets;
        this.assessments = assessments;
        this.regulations = regulations;
        this.methods = methods;
        this.organisation = organisation;
        this.scopes = scopes;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping
    String index(Model model) {
        CurrentUser me = CurrentUser.require();
        model.addAttribute("leader", me.has(Role.LEADERSHIP));
        model.addAttribute("discipline", me.has(Role.DISCIPLINE));
        model.addAttribute("reader", me.hasAny(Role.LEADERSHIP, Role.DISCIPLINE));
        model.addAttribute("hasPerson", me.personId() != null);
        // the county administrator reads the townships' rankings and explanations, and enters nothing here
        model.addAttribute("countyReader", !assessments.countyTownships(me).isEmpty());
        model.addAttribute("proposer", me.hasAny(Role.LEADERSHIP, Role.DISCIPLINE, Role.GROUP_LEADER,
                Role.VILLAGE_CADRE, Role.STAFF));
        return "scoring/index";
    }

    // ------------------------------------------------------------------ events

    @GetMapping("/events/new")
    String newEvent(Model model) {
        EventForm form = new EventForm();
        form.setOccurredOn(CycleWindow.today(clock));
        form.setIdempotencyKey(UUID.randomUUID().toString());
        return eventForm(model, form);
    }

    private String eventForm(Model model, EventForm form) {
        CurrentUser me = CurrentUser.require();
        MethodDefinition d = methods.active(me.tenantId()).orElseThrow(() -> new DomainException("scoring.method.none"))
                .definition();
        model.addAttribute("form", form);
        model.addAttribute("items", d.scoreItems() == null ? List.of() : d.scoreItems());
        model.addAttribute("money", d.money());
        model.addAttribute("subjectChoices", choices(me));
        model.addAttribute("articles", regulations.articles(me.tenantId()));
        return "scoring/event-form";
    }

    private List<Choice> choices(CurrentUser me) {
        DataScope scope = me.hasAny(Role.STAFF) && !me.hasAny(Role.LEADERSHIP, Role.DISCIPLINE, Role.GROUP_LEADER,
                Role.VILLAGE_CADRE) ? DataScope.wholeTenant(me.tenantId()) : scopes.of(me);
        List<Choice> out = new ArrayList<>();
        for (Person p : organisation.people(scope, me.tenantId(), null, null, false)) {
            out.add(new Choice(SubjectKind.PERSON + ":" + p.id(), p.name() + "（" + p.code() + "）"));
        }
        for (OrgUnit u : organisation.tree(scope, me.tenantId(), false)) {
            SubjectKind k = SubjectRef.kindOf(u.kind());
            if (k != null) {
                out.add(new Choice(k + ":" + u.id(), u.name()));
            }
        }
        return out;
    }

    @PostMapping("/events/new")
    String propose(@Valid @ModelAttribute("form") EventForm form, BindingResult result, Model model,
                   RedirectAttributes redirect, Locale locale) {
        if (!result.hasErrors()) {
            try {
                List<SubjectRef> subjects = form.getSubjects().stream().map(SubjectRef::ofForm).toList();
                ScoreEvent e = events.propose(CurrentUser.require(), new ScoreEvents.Proposal(form.getItemCode(), subjects,
                        form.isDeduct(), form.getPoints(), form.isFullMarks(), form.getOccurrences(),
                        form.getOccurredOn(), form.getReason(), form.getEvidence(), form.getArticleId(),
                        form.getIdempotencyKey()));
                Flash.say(redirect, messages, locale, "scoring.flash.proposed", e.id());
                return "redirect:/scoring/events/" + e.id();
            } catch (DomainException e) {
                if (e instanceof AccessDeniedException) {
                    throw e;
                }
                FormErrors.reject(result, e);
            }
        }
        return eventForm(model, form);
    }

    @GetMapping("/events/{id}")
    String event(@PathVariable long id, Model model) {
        CurrentUser me = CurrentUser.require();
        ScoreEvent e = events.visible(me, id);
        model.addAttribute("event", e);
        model.addAttribute("corrections", events.correctionsOf(me, id));
        model.addAttribute("appeals", events.appealsOfEvent(me, id));
        model.addAttribute("window", events.appealWindow(e));
        model.addAttribute("mayConfirm", me.has(Role.DISCIPLINE) && e.state() == ScoreEvent.State.PROPOSED
                && !e.proposedBy().equals(me.username()));
        model.addAttribute("mayCorrect", me.has(Role.LEADERSHIP) && e.state() == ScoreEvent.State.CONFIRMED);
        model.addAttribute("mayAppeal", me.personId() != null && e.state() == ScoreEvent.State.CONFIRMED
                && e.kind() != ScoreEvent.Kind.CORRECTION && e.isDeduction()
                && e.subjects().stream().anyMatch(s -> s.kind() == SubjectKind.PERSON && s.id() == me.personId()));
        if (!model.containsAttribute("reasonForm")) {
            model.addAttribute("reasonForm", new ScoringReasonForm());
        }
        return "scoring/event";
    }

    @PostMapping("/events/{id}/confirm")
    String confirm(@PathVariable long id, RedirectAttributes redirect, Locale locale) {
        events.confirm(CurrentUser.require(), id);
        Flash.say(redirect, messages, locale, "scoring.flash.confirmed", id);
        return "redirect:/scoring/queue";
    }

    @PostMapping("/events/{id}/reject")
    String reject(@PathVariable long id, @Valid @ModelAttribute("reasonForm") ScoringReasonForm form,
                  BindingResult result, Model model, RedirectAttributes redirect, Locale locale) {
        return decided(id, result, model, redirect, locale, "scoring.flash.rejected", "redirect:/scoring/queue",
                () -> events.reject(CurrentUser.require(), id, form.getReason()));
    }

    @PostMapping("/events/{id}/correct")
    String correct(@PathVariable long id, @Valid @ModelAttribute("reasonForm") ScoringReasonForm form,
                   BindingResult result, Model model, RedirectAttributes redirect, Locale locale) {
        return decided(id, result, model, redirect, locale, "scoring.flash.corrected", "redirect:/scoring/events/" + id,
                () -> events.correct(CurrentUser.require(), id, form.getPoints(), form.getReason(), null));
    }

    @PostMapping("/events/{id}/appeal")
    String appeal(@PathVariable long id, @Valid @ModelAttribute("reasonForm") ScoringReasonForm form,
                  BindingResult result, Model model, RedirectAttributes redirect, Locale locale) {
        return decided(id, result, model, redirect, locale, "scoring.flash.appealed", "redirect:/scoring/events/" + id,
                () -> events.appeal(CurrentUser.require(), id, form.getReason()));
    }

    private String decided(long id, BindingResult result, Model model, RedirectAttributes redirect, Locale locale,
                           String flashKey, String target, Runnable action) {
        if (!result.hasErrors()) {
            try {
                action.run();
                // the key comes from the caller (each a literal key in this class), hence not Flash.say
                redirect.addFlashAttribute("flash", messages.getMessage(flashKey, new Object[] {id}, locale));
                return target;
            } catch (DomainException e) {
                if (e instanceof AccessDeniedException || e instanceof cn.taizhang.shared.NotFoundException) {
                    throw e;
                }
                FormErrors.reject(result, e);
            }
        }
        model.addAttribute("reasonForm", result.getTarget());
        return event(id, model);
    }

    @GetMapping("/queue")
    String queue(Model model) {
        model.addAttribute("events", events.queue(CurrentUser.require()));
        return "scoring/queue";
    }

    @GetMapping("/mine")
    String proposedByMe(Model model) {
        model.addAttribute("events", events.proposedBy(CurrentUser.require()));
        return "scoring/queue";
    }

    // ------------------------------------------------------------------ my points and appeals

    @GetMapping("/my")
    String myPoints(@RequestParam(required = false) Integer year, Model model) {
        CurrentUser me = CurrentUser.require();
        if (me.personId() == null) {
            throw new AccessDeniedException();
        }
        int y = year == null ? CycleWindow.today(clock).getYear() : year;
        CycleWindow w = CycleWindow.parse(String.valueOf(y));
        SubjectRef self = new SubjectRef(SubjectKind.PERSON, me.personId());
        List<EventFact> lines = events.pointsOf(me, self, w.start(), w.end());
        Map<String, List<EventFact>> byMonth = new TreeMap<>();
        for (EventFact f : lines) {
            byMonth.computeIfAbsent(YearMonth.from(f.occurredOn()).toString(), k -> new ArrayList<>()).add(f);
        }
        List<Month> months = new ArrayList<>();
        Score total = Score.ZERO;
        Money deduction = Money.ZERO;
        for (var m : byMonth.entrySet()) {
            Score sum = Score.sum(m.getValue().stream().map(EventFact::effective).toList());
            Money money = Money.ZERO;
            for (EventFact f : m.getValue()) {
                money = money.plus(deductionOf(me, f));
            }
            months.add(new Month(m.getKey(), sum, money, m.getValue()));
            total = total.plus(sum);
            deduction = deduction.plus(money);
        }
        model.addAttribute("year", y);
        model.addAttribute("months", months);
        model.addAttribute("total", total);
        model.addAttribute("deduction", deduction);
        model.addAttribute("pending", events.pendingOf(me, self));
        model.addAttribute("appeals", events.appealsOf(me, me.personId()));
        model.addAttribute("defaultWindow", ScoreEvents.DEFAULT_APPEAL_DAYS);
        return "scoring/my";
    }

    /** The bonus deduction of one line: the effective points × the rate the event was scored at. */
    private Money deductionOf(CurrentUser me, EventFact f) {
        ScoreEvent e = events.visible(me, f.eventId());
        Money m = f.effective().isNegative() ? Money.ofPoints(f.effective(), e.fenPerPoint()) : Money.ZERO;
        if (e.occurrences() != null && e.fenPerOccurrence() != null) {
            m = m.plus(Money.fen(e.fenPerOccurrence()).times(e.occurrences()));
        }
        return m;
    }

    @GetMapping("/appeals")
    String appeals(Model model) {
        model.addAttribute("appeals", events.openAppeals(CurrentUser.require()));
        model.addAttribute("reasonForm", new ScoringReasonForm());
        return "scoring/appeals";
    }

    @PostMapping("/appeals/{id}/decide")
    String decide(@PathVariable long id, @Valid @ModelAttribute("reasonForm") ScoringReasonForm form,
                  BindingResult result, Model model, RedirectAttributes redirect, Locale locale) {
        if (!result.hasErrors()) {
            try {
                events.decideAppeal(CurrentUser.require(), id, form.isUpheld(), form.getReason(), form.getPoints());
                Flash.say(redirect, messages, locale, "scoring.flash.appealDecided", id);
                return "redirect:/scoring/appeals";
            } catch (DomainException e) {
                if (e instanceof AccessDeniedException || e instanceof cn.taizhang.shared.NotFoundException) {
                    throw e;
                }
                FormErrors.reject(result, e);
            }
        }
        model.addAttribute("appeals", events.openAppeals(CurrentUser.require()));
        return "scoring/appeals";
    }

    // ------------------------------------------------------------------ sheets

    @GetMapping("/sheets/new")
    String newSheet(Model model) {
        SheetForm form = new SheetForm();
        form.setIdempotencyKey(UUID.randomUUID().toString());
        return sheetForm(model, form);
    }

    private String sheetForm(Model model, SheetForm form) {
        CurrentUser me = CurrentUser.require();
        if (!me.hasAny(Role.LEADERSHIP, Role.DISCIPLINE)) {
            throw new AccessDeniedException();
        }
        MethodDefinition d = methods.active(me.tenantId()).orElseThrow(() -> new DomainException("scoring.method.none"))
                .definition();
        List<Choice> components = new ArrayList<>();
        for (var a : d.assessments()) {
            for (var c : a.components()) {
                if (c.source() != MethodDefinition.ComponentSource.EVENTS) {
                    components.add(new Choice(a.code() + "/" + c.code(), a.name() + " · " + c.name()));
                }
            }
        }
        model.addAttribute("form", form);
        model.addAttribute("components", components);
        model.addAttribute("groups", d.raterGroups() == null ? List.of() : d.raterGroups());
        model.addAttribute("raterKinds", RatingSheets.RaterKind.values());
        model.addAttribute("subjectChoices", choices(me));
        model.addAttribute("recent", sheets.recent(me, 20));
        return "scoring/sheet-form";
    }

    @PostMapping("/sheets/new")
    String enterSheet(@Valid @ModelAttribute("form") SheetForm form, BindingResult result, Model model,
                      RedirectAttributes redirect, Locale locale) {
        if (!result.hasErrors()) {
            try {
                String[] ac = form.getComponent().split("/", 2);
                sheets.enter(CurrentUser.require(), new RatingSheets.Entry(ac[0], ac.length > 1 ? ac[1] : "",
                        form.getCycle(), form.getRaterKind(), form.getRaterRef(), form.getRaterGroup(),
                        SubjectRef.ofForm(form.getRatee()), form.getScore(), form.getComment(), form.getIdempotencyKey()));
                Flash.say(redirect, messages, locale, "scoring.flash.sheetEntered");
                return "redirect:/scoring/sheets/new";
            } catch (DomainException e) {
                if (e instanceof AccessDeniedException) {
                    throw e;
                }
                FormErrors.reject(result, e);
            }
        }
        return sheetForm(model, form);
    }

    // ------------------------------------------------------------------ rankings and explanations

    @GetMapping("/rankings")
    String rankings(@RequestParam(required = false) Long tenant, @RequestParam(required = false) String target,
                    @RequestParam(required = false) String cycle, Model model) {
        CurrentUser me = CurrentUser.require();
        List<Tenant> townships = assessments.countyTownships(me);
        long shown = tenant != null ? tenant
                : !townships.isEmpty() && methods.active(me.tenantId()).isEmpty() ? townships.get(0).id() : me.tenantId();
        List<Assessments.TargetInfo> targets = assessments.targets(me, shown);
        Assessments.TargetInfo chosen = targets.stream().filter(t -> t.code().equals(target)).findFirst()
                .orElse(targets.get(0));
        String c = cycle == null || cycle.isBlank() ? defaultCycle(chosen) : cycle.trim();
        model.addAttribute("tenantId", shown);
        model.addAttribute("townships", townships);
        model.addAttribute("township", townships.stream().filter(t -> t.id() == shown).findFirst().orElse(null));
        model.addAttribute("targets", targets);
        model.addAttribute("target", chosen);
        model.addAttribute("cycle", c);
        model.addAttribute("ranking", assessments.ranking(me, shown, chosen.code(), c));
        model.addAttribute("runs", assessments.runs(me, shown, chosen.code(), c));
        model.addAttribute("mayStore", shown == me.tenantId() && me.hasAny(Role.LEADERSHIP, Role.DISCIPLINE));
        return "scoring/rankings";
    }

    /** Keeps the ranking as computed now on record (the same as {@code POST /api/scoring/runs}). */
    @PostMapping("/runs")
    String storeRun(@RequestParam String target, @RequestParam String cycle, RedirectAttributes redirect, Locale locale) {
        Assessments.Run run = assessments.run(CurrentUser.require(), target, cycle.trim());
        Flash.say(redirect, messages, locale, "assessment.runs.stored", run.cycleKey());
        return "redirect:/scoring/runs/" + run.id();
    }

    /** A stored run as it was stored (the own township's, or read-only a township of the county). */
    @GetMapping("/runs/{id}")
    String run(@PathVariable long id, @RequestParam(required = false) Long tenant, Model model) {
        CurrentUser me = CurrentUser.require();
        long shown = tenant == null ? me.tenantId() : tenant;
        Assessments.StoredRun run = assessments.storedRun(me, shown, id);
        model.addAttribute("run", run);
        model.addAttribute("target", assessments.targets(me, shown).stream()
                .filter(t -> t.code().equals(run.run().targetCode())).findFirst().orElse(null));
        model.addAttribute("tenantId", shown);
        model.addAttribute("township", shown == me.tenantId() ? null : assessments.countyTownships(me).stream()
                .filter(t -> t.id() == shown).findFirst().orElse(null));
        return "scoring/run";
    }

    private String defaultCycle(Assessments.TargetInfo t) {
        Period p = t.periods().get(0);
        return CycleWindow.current(p, clock).key();
    }

    @GetMapping("/explanations/{target}/{cycle}/{kind}/{id}")
    String explanation(@PathVariable String target, @PathVariable String cycle, @PathVariable String kind,
                       @PathVariable long id, @RequestParam(required = false) Long tenant, Model model) {
        CurrentUser me = CurrentUser.require();
        long shown = tenant == null ? me.tenantId() : tenant;
        var result = assessments.explain(me, shown, target, cycle, SubjectRef.parse(kind, id));
        Assessments.TargetInfo info = assessments.targets(me, shown).stream().filter(t -> t.code().equals(target))
                .findFirst().orElseThrow();
        boolean county = shown != me.tenantId();
        model.addAttribute("result", result);
        model.addAttribute("target", info);
        model.addAttribute("cycle", cycle);
        model.addAttribute("tenantId", shown);
        // a township's events open in that township only: the county administrator reads them here
        model.addAttribute("eventLinks", !county);
        model.addAttribute("township", county ? assessments.countyTownships(me).stream()
                .filter(t -> t.id() == shown).findFirst().orElse(null) : null);
        model.addAttribute("reader", county || me.hasAny(Role.LEADERSHIP, Role.DISCIPLINE));
        return "scoring/explanation";
    }

    // ------------------------------------------------------------------ regulations (RULE-1)

    @GetMapping("/regulations")
    String regulationsPage(Model model) {
        CurrentUser me = CurrentUser.require();
        model.addAttribute("regulations", regulations.all(me.tenantId()));
        model.addAttribute("articles", regulations.articles(me.tenantId()));
        model.addAttribute("editor", me.hasAny(Role.LEADERSHIP, Role.DISCIPLINE));
        if (!model.containsAttribute("regulationForm")) {
            model.addAttribute("regulationForm", new RegulationForm());
        }
        return "scoring/regulations";
    }

    @PostMapping("/regulations")
    String register(@Valid @ModelAttribute("regulationForm") RegulationForm form, BindingResult result, Model model,
                    RedirectAttributes redirect, Locale locale) {
        if (!result.hasErrors()) {
            try {
                CurrentUser me = CurrentUser.require();
                if (form.getRegulationId() != null) {
                    regulations.addArticle(me, form.getRegulationId(), form.getNumber(), form.getText());
                } else {
                    regulations.register(me, form.getCode(), form.getTitle(),
                            form.getVersion() == null ? 1 : form.getVersion(), form.getEffectiveFrom(), form.getEffectiveTo());
                }
                Flash.say(redirect, messages, locale, "scoring.flash.regulationSaved");
                return "redirect:/scoring/regulations";
            } catch (DomainException e) {
                if (e instanceof AccessDeniedException) {
                    throw e;
                }
                FormErrors.reject(result, e);
            }
        }
        return regulationsPage(model);
    }
}
