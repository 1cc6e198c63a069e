package cn.taizhang.scoring.web;

import cn.taizhang.method.MethodDefinition;
import cn.taizhang.method.MethodDefinition.Assessment;
import cn.taizhang.method.MethodDefinition.Component;
import cn.taizhang.method.MethodDefinition.ComponentSource;
import cn.taizhang.method.MethodDefinition.Composite;
import cn.taizhang.method.MethodDefinition.MissingGroupRule;
import cn.taizhang.method.MethodDefinition.Part;
import cn.taizhang.method.MethodDefinition.RaterWeight;
import cn.taizhang.org.Tenant;
import cn.taizhang.scoring.Assessments;
import cn.taizhang.scoring.CycleWindow;
import cn.taizhang.shared.AccessDeniedException;
import cn.taizhang.shared.CurrentUser;
import cn.taizhang.shared.DomainException;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 模拟测算 (what-if, ASSESS issue point 7): a past cycle computed with an edited copy of the
 * adopted method's assessment parameters — part and component weights, rater-group weights, the
 * missing-group rule, bonuses and vetoes kept or removed — beside the adopted result, rank and
 * score per subject. Nothing is adopted or stored.
 */
@Controller
@RequestMapping("/scoring/what-if")
class WhatIfPages {

    /** One editable number or choice of the form, named as it is posted. */
    record Field(String name, String label, String value, String error) {
    }

    /** A group of fields whose weights must add up to 100 (a composite's parts, an assessment's components, ...). */
    record WeightSet(String title, List<Field> weights, String error) {
    }

    /** A rated component's missing-group rule. */
    record RuleChoice(String name, String label, String value) {
    }

    /** A bonus or veto of a composite, kept (checked) or removed. */
    record Toggle(String name, String label, boolean kept) {
    }

    private final Assessments assessments;
    private final MessageSource messages;
    private final Clock clock;

    WhatIfPages(Assessments assessments, MessageSource messages, Clock clock) {
        this.assessments = assessments;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping
    String page(@RequestParam(required = false) Long tenant, @RequestParam(required = false) String target,
                @RequestParam(required = false) String cycle, Model model, Locale locale) {
        CurrentUser me = CurrentUser.require();
        long shown = readable(me, tenant);
        MethodDefinition d = assessments.adopted(me, shown);
        Assessments.TargetInfo chosen = chosen(me, shown, target);
        String key = cycle == null || cycle.isBlank() ? lastCycle(chosen) : cycle.trim();
        return render(model, me, shown, d, chosen, key, Map.of(), new LinkedHashMap<>(), null, locale);
    }

    @PostMapping
    String run(@RequestParam MultiValueMap<String, String> form, Model model, Locale locale) {
        CurrentUser me = CurrentUser.require();
        String tenantText = form.getFirst("tenant");
        Long tenant;
        try {
            tenant = tenantText == null || tenantText.isBlank() ? null : Long.valueOf(tenantText.strip());
        } catch (NumberFormatException e) {
            throw new cn.taizhang.shared.NotFoundException("tenant", tenantText);
        }
        long shown = readable(me, tenant);
        MethodDefinition d = assessments.adopted(me, shown);
        Assessments.TargetInfo chosen = chosen(me, shown, form.getFirst("target"));
        String key = form.getFirst("cycle") == null ? lastCycle(chosen) : form.getFirst("cycle").trim();
        Map<String, String> values = form.toSingleValueMap();
        Map<String, String> errors = new LinkedHashMap<>();
        MethodDefinition edited = edit(d, chosen, values, form, errors, locale);
        Assessments.WhatIf result = null;
        if (errors.isEmpty()) {
            try {
                if (!CycleWindow.parse(key).end().isAfter(CycleWindow.today(clock))) {
                    result = assessments.whatIf(me, shown, edited, chosen.code(), key);
                } else {
                    errors.put("cycle", messages.getMessage("assessment.whatIf.pastCycle", new Object[] {key}, locale));
                }
            } catch (DomainException e) {
                if (e instanceof AccessDeniedException) {
                    throw e;
                }
                errors.put("cycle", messages.getMessage(e.messageKey(), e.args(), locale));
            }
        }
        return render(model, me, shown, d, chosen, key, values, errors, result, locale);
    }

    /**
     * The tenant computed in: the own (leadership, discipline office) or a township of the county for
     * its county administrator — a computation on a copy of that township's method, nothing stored
     * or adopted; another county's township 404.
     */
    private long readable(CurrentUser me, Long tenant) {
        long shown = assessments.shownTenant(me, tenant);
        assessments.requireReader(me, shown);
        return shown;
    }

    private String render(Model model, CurrentUser me, long tenantId, MethodDefinition d, Assessments.TargetInfo chosen,
                          String key, Map<String, String> values, Map<String, String> errors, Assessments.WhatIf result,
                          Locale locale) {
        List<WeightSet> sets = new ArrayList<>();
        List<RuleChoice> rules = new ArrayList<>();
        List<Toggle> toggles = new ArrayList<>();
        Composite composite = composite(d, chosen.code());
        List<Assessment> involved = new ArrayList<>();
        if (composite != null) {
            List<Field> parts = new ArrayList<>();
            for (Part p : composite.parts()) {
                Assessment a = assessment(d, p.assessment());
                involved.add(a);
                String name = "part." + composite.code() + "." + p.assessment();
                parts.add(field(name, a.name(), p.weight(), values, errors));
            }
            sets.add(new WeightSet(composite.name(), parts, errors.get("part." + composite.code())));
            for (String b : list(composite.bonuses())) {
                String name = "keep." + composite.code() + ".bonus." + b;
                String label = list(d.bonuses()).stream().filter(x -> x.code().equals(b)).map(MethodDefinition.Bonus::name)
                        .findFirst().orElse(b);
                toggles.add(new Toggle(name, messages.getMessage("assessment.whatIf.bonus", new Object[] {label}, locale),
                        values.isEmpty() || values.containsKey(name)));
            }
            for (String v : list(composite.vetoes())) {
                String name = "keep." + composite.code() + ".veto." + v;
                String label = list(d.vetoes()).stream().filter(x -> x.code().equals(v)).map(MethodDefinition.Veto::name)
                        .findFirst().orElse(v);
                toggles.add(new Toggle(name, messages.getMessage("assessment.whatIf.veto", new Object[] {label}, locale),
                        values.isEmpty() || values.containsKey(name)));
            }
        } else {
            involved.add(assessment(d, chosen.code()));
        }
        for (Assessment a : involved) {
            List<Field> comps = new ArrayList<>();
            for (Component c : a.components()) {
                comps.add(field("component." + a.code() + "." + c.code(), c.name(), c.weight(), values, errors));
            }
            sets.add(new WeightSet(a.name(), comps, errors.get("component." + a.code())));
            for (Component c : a.components()) {
                if (c.source() == ComponentSource.EVENTS || list(c.raters()).isEmpty()) {
                    continue;
                }
                if (c.raters().size() > 1) {
                    List<Field> raters = new ArrayList<>();
                    for (RaterWeight r : c.raters()) {
                        String label = list(d.raterGroups()).stream().filter(g -> g.code().equals(r.group()))
                                .map(MethodDefinition.RaterGroup::name).findFirst().orElse(r.group());
                        raters.add(field("rater." + a.code() + "." + c.code() + "." + r.group(), label, r.weight(),
                                values, errors));
                    }
                    sets.add(new WeightSet(a.name() + " · " + c.name(), raters,
                            errors.get("rater." + a.code() + "." + c.code())));
                }
                String name = "missing." + a.code() + "." + c.code();
                MissingGroupRule rule = c.missingGroup() == null ? MissingGroupRule.REWEIGHT_AND_FLAG : c.missingGroup();
                rules.add(new RuleChoice(name, a.name() + " · " + c.name(), values.getOrDefault(name, rule.name())));
            }
        }
        List<Tenant> townships = assessments.countyTownships(me);
        model.addAttribute("tenantId", tenantId);
        model.addAttribute("townships", townships);
        model.addAttribute("township", tenantId == me.tenantId() ? null
                : townships.stream().filter(t -> t.id() == tenantId).findFirst().orElse(null));
        model.addAttribute("targets", assessments.targets(me, tenantId));
        model.addAttribute("target", chosen);
        model.addAttribute("cycle", key);
        model.addAttribute("sets", sets);
        model.addAttribute("rules", rules);
        model.addAttribute("toggles", toggles);
        model.addAttribute("cycleError", errors.get("cycle"));
        model.addAttribute("hasErrors", !errors.isEmpty());
        model.addAttribute("result", result);
        model.addAttribute("changedCount", result == null ? 0 : result.changes().stream().filter(Assessments.Change::changed).count());
        return "scoring/what-if";
    }

    private static Field field(String name, String label, BigDecimal adopted, Map<String, String> values,
                               Map<String, String> errors) {
        return new Field(name, label, values.getOrDefault(name, adopted.stripTrailingZeros().toPlainString()),
                errors.get(name));
    }

    /**
     * The adopted definition with the form's values. Every weight must be a number from 0 to 100,
     * and each set must add up to 100; a problem is put next to the field (or the set) it concerns.
     */
    private MethodDefinition edit(MethodDefinition d, Assessments.TargetInfo chosen, Map<String, String> values,
                                  MultiValueMap<String, String> form, Map<String, String> errors, Locale locale) {
        Composite chosenComposite = composite(d, chosen.code());
        List<Composite> composites = new ArrayList<>();
        for (Composite c : list(d.composites())) {
            if (c != chosenComposite) {
                composites.add(c);
                continue;
            }
            List<Part> parts = new ArrayList<>();
            for (Part p : c.parts()) {
                parts.add(new Part(p.assessment(), number("part." + c.code() + "." + p.assessment(), p.weight(), values,
                        errors, locale)));
            }
            requireHundred("part." + c.code(), c.name(), parts.stream().map(Part::weight).toList(), errors, locale);
            List<String> bonuses = list(c.bonuses()).stream()
                    .filter(b -> form.containsKey("keep." + c.code() + ".bonus." + b)).toList();
            List<String> vetoes = list(c.vetoes()).stream()
                    .filter(v -> form.containsKey("keep." + c.code() + ".veto." + v)).toList();
            composites.add(new Composite(c.code(), c.name(), c.cycles(), parts, bonuses, vetoes, c.leaderCorrection(),
                    c.tie(), c.note()));
        }
        List<Assessment> assessmentsEdited = new ArrayList<>();
        for (Assessment a : d.assessments()) {
            if (!form.containsKey("component." + a.code() + "." + a.components().get(0).code())) {
                assessmentsEdited.add(a);
                continue;
            }
            List<Component> comps = new ArrayList<>();
            for (Component c : a.components()) {
                BigDecimal w = number("component." + a.code() + "." + c.code(), c.weight(), values, errors, locale);
                List<RaterWeight> raters = new ArrayList<>();
                for (RaterWeight r : list(c.raters())) {
                    raters.add(new RaterWeight(r.group(), c.raters().size() == 1 ? r.weight()
                            : number("rater." + a.code() + "." + c.code() + "." + r.group(), r.weight(), values, errors,
                            locale)));
                }
                if (raters.size() > 1) {
                    requireHundred("rater." + a.code() + "." + c.code(), a.name() + " · " + c.name(),
                            raters.stream().map(RaterWeight::weight).toList(), errors, locale);
                }
                MissingGroupRule rule = c.missingGroup();
                String posted = values.get("missing." + a.code() + "." + c.code());
                if (posted != null) {
                    try {
                        rule = MissingGroupRule.valueOf(posted);
                    } catch (IllegalArgumentException e) {
                        errors.put("missing." + a.code() + "." + c.code(),
                                messages.getMessage("assessment.whatIf.rule", new Object[] {posted}, locale));
                    }
                }
                comps.add(new Component(c.code(), c.name(), c.source(), w, c.raters() == null ? null : raters, rule,
                        c.sampling(), c.ballots(), c.maxScore(), c.note()));
            }
            requireHundred("component." + a.code(), a.name(), comps.stream().map(Component::weight).toList(), errors, locale);
            assessmentsEdited.add(new Assessment(a.code(), a.name(), a.cycles(), a.subjects(), comps, a.tie(),
                    a.rankingPublished(), a.note()));
        }
        return new MethodDefinition(d.code(), d.name(), d.source(), d.summary(), d.categories(), d.scoreItems(),
                d.money(), d.raterGroups(), assessmentsEdited, composites, d.bonuses(), d.vetoes(), d.boards(),
                d.consequences(), d.practices());
    }

    private BigDecimal number(String name, BigDecimal adopted, Map<String, String> values, Map<String, String> errors,
                              Locale locale) {
        String raw = values.get(name);
        if (raw == null || raw.isBlank()) {
            errors.put(name, messages.getMessage("assessment.whatIf.weightRequired", null, locale));
            return adopted;
        }
        try {
            BigDecimal w = new BigDecimal(raw.trim());
            if (w.signum() < 0 || w.compareTo(BigDecimal.valueOf(100)) > 0) {
                errors.put(name, messages.getMessage("assessment.whatIf.weightRange", new Object[] {raw.trim()}, locale));
            }
            return w;
        } catch (NumberFormatException e) {
            errors.put(name, messages.getMessage("assessment.whatIf.weightNumber", new Object[] {raw.trim()}, locale));
            return adopted;
        }
    }

    private void requireHundred(String set, String title, List<BigDecimal> weights, Map<String, String> errors,
                                Locale locale) {
        BigDecimal sum = weights.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        if (sum.compareTo(BigDecimal.valueOf(100)) != 0) {
            errors.put(set, messages.getMessage("assessment.whatIf.weightsSum",
                    new Object[] {title, sum.stripTrailingZeros().toPlainString()}, locale));
        }
    }

    private Assessments.TargetInfo chosen(CurrentUser me, long tenantId, String target) {
        List<Assessments.TargetInfo> targets = assessments.targets(me, tenantId);
        return targets.stream().filter(t -> t.code().equals(target)).findFirst().orElse(targets.get(0));
    }

    /** The last cycle that has ended, of the target's first period. */
    private String lastCycle(Assessments.TargetInfo t) {
        CycleWindow current = CycleWindow.current(t.periods().get(0), clock);
        return CycleWindow.containing(current.period(), current.start().minusDays(1)).key();
    }

    private static Composite composite(MethodDefinition d, String code) {
        return list(d.composites()).stream().filter(c -> c.code().equals(code)).findFirst().orElse(null);
    }

    private static Assessment assessment(MethodDefinition d, String code) {
        return d.assessments().stream().filter(a -> a.code().equals(code)).findFirst().orElseThrow();
    }

    private static <T> List<T> list(List<T> l) {
        return l == null ? List.of() : l;
    }
}
