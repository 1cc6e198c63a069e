package cn.taizhang.work.plan.web;

import cn.taizhang.shared.CurrentUser;
import cn.taizhang.shared.DomainException;
import cn.taizhang.shared.web.Flash;
import cn.taizhang.shared.web.FormErrors;
import cn.taizhang.work.plan.ResearchTopics;
import cn.taizhang.work.plan.ResearchTopics.Topic;
import cn.taizhang.work.plan.TopicKind;
import cn.taizhang.work.plan.TopicState;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
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
 * Research topics (课题, WORK-8): the year's topics and the proposal form, a topic with its review,
 * consultation opinions and revision, and the printable work key points (工作要点).
 */
@Controller
@RequestMapping("/work/plans/topics")
class TopicPages {

    private final ResearchTopics topics;
    private final MessageSource messages;
    private final Clock clock;

    TopicPages(ResearchTopics topics, MessageSource messages, Clock clock) {
        this.topics = topics;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping
    String list(@RequestParam(required = false) Integer year, Model model) {
        int y = year == null ? LocalDate.now(clock).getYear() : year;
        var form = new PlanForms.TopicForm();
        form.setYear(y);
        form.setKind(TopicKind.ROUTINE);
        return listPage(y, form, model);
    }

    private String listPage(int year, PlanForms.TopicForm form, Model model) {
        CurrentUser me = CurrentUser.require();
        model.addAttribute("year", year);
        model.addAttribute("topics", topics.list(me, year));
        model.addAttribute("kinds", TopicKind.values());
        model.addAttribute("mayPropose", me.personId() != null);
        model.addAttribute("form", form);
        return "plans/topics";
    }

    @PostMapping
    String propose(@Valid @ModelAttribute("form") PlanForms.TopicForm form, BindingResult result, Model model,
                   RedirectAttributes redirect, Locale locale) {
        if (!result.hasErrors()) {
            try {
                Topic t = topics.propose(CurrentUser.require(), form.toDraft());
                Flash.say(redirect, messages, locale, "plan.topic.proposedDone", t.title());
                return "redirect:/work/plans/topics/" + t.id();
            } catch (DomainException e) {
                PlanPages.rethrowAccess(e);
                if (e.field() == null) {
                    // a rule of the state, not of a field: shown at the top, the form may not be on the page
                    model.addAttribute("actionError", messages.getMessage(e.messageKey(), e.args(), locale));
                } else {
                    FormErrors.reject(result, e);
                }
            }
        }
        return listPage(form.getYear() == null ? LocalDate.now(clock).getYear() : form.getYear(), form, model);
    }

    @GetMapping("/key-points")
    String keyPoints(@RequestParam(required = false) Integer year, Model model) {
        int y = year == null ? LocalDate.now(clock).getYear() : year;
        List<Topic> adopted = topics.keyPoints(CurrentUser.require(), y);
        Map<TopicKind, List<Topic>> byKind = Arrays.stream(TopicKind.values()).collect(Collectors.toMap(k -> k,
                k -> adopted.stream().filter(t -> t.kind() == k).toList(), (a, b) -> a, () -> new EnumMap<>(TopicKind.class)));
        model.addAttribute("year", y);
        model.addAttribute("byKind", byKind);
        model.addAttribute("empty", adopted.isEmpty());
        model.addAttribute("printedOn", LocalDate.now(clock));
        return "plans/key-points";
    }

    @GetMapping("/{id}")
    String show(@PathVariable long id, Model model) {
        return topicPage(id, model);
    }

    private String topicPage(long id, Model model) {
        CurrentUser me = CurrentUser.require();
        Topic t = topics.topic(me, id);
        model.addAttribute("topic", t);
        model.addAttribute("comments", topics.comments(me, id));
        model.addAttribute("mayReview", topics.mayReview(me) && t.state() == TopicState.PROPOSED);
        model.addAttribute("mayAdopt", topics.mayReview(me) && t.state() == TopicState.IN_CONSULTATION);
        model.addAttribute("mayComment", t.state() == TopicState.IN_CONSULTATION);
        model.addAttribute("mayRevise", topics.mayRevise(me, t));
        model.addAttribute("kinds", TopicKind.values());
        if (!model.containsAttribute("reviseForm")) {
            model.addAttribute("reviseForm", PlanForms.TopicForm.of(t));
        }
        if (!model.containsAttribute("commentForm")) {
            var c = new PlanForms.CommentForm();
            model.addAttribute("commentForm", c);
        }
        if (!model.containsAttribute("decisionForm")) {
            model.addAttribute("decisionForm", new PlanForms.DecisionForm());
        }
        return "plans/topic";
    }

    @PostMapping("/{id}/revise")
    String revise(@PathVariable long id, @Valid @ModelAttribute("reviseForm") PlanForms.TopicForm form,
                  BindingResult result, Model model, RedirectAttributes redirect, Locale locale) {
        return perform(id, result, model, redirect, locale, "plan.topic.revisedDone",
                () -> topics.revise(CurrentUser.require(), id, form.toDraft(), form.getReason()));
    }

    @PostMapping("/{id}/review")
    String review(@PathVariable long id, @Valid @ModelAttribute("decisionForm") PlanForms.DecisionForm form,
                  BindingResult result, Model model, RedirectAttributes redirect, Locale locale) {
        return perform(id, result, model, redirect, locale,
                form.isApprove() ? "plan.topic.toConsultationDone" : "plan.topic.rejectedDone",
                () -> topics.review(CurrentUser.require(), id, form.isApprove(), form.getNote()));
    }

    @PostMapping("/{id}/comments")
    String comment(@PathVariable long id, @Valid @ModelAttribute("commentForm") PlanForms.CommentForm form,
                   BindingResult result, Model model, RedirectAttributes redirect, Locale locale) {
        return perform(id, result, model, redirect, locale, "plan.topic.commentedDone",
                () -> topics.comment(CurrentUser.require(), id, form.getCommenterName(), form.getCommenterRole(),
                        form.getText()));
    }

    @PostMapping("/{id}/adopt")
    String adopt(@PathVariable long id, @Valid @ModelAttribute("decisionForm") PlanForms.DecisionForm form,
                 BindingResult result, Model model, RedirectAttributes redirect, Locale locale) {
        return perform(id, result, model, redirect, locale, "plan.topic.adoptedDone",
                () -> topics.adopt(CurrentUser.require(), id, form.getNote()));
    }

    private String perform(long id, BindingResult result, Model model, RedirectAttributes redirect, Locale locale,
                           String doneKey, Runnable action) {
        if (!result.hasErrors()) {
            try {
                action.run();
                Flash.say(redirect, messages, locale, doneKey);
                return "redirect:/work/plans/topics/" + id;
            } catch (DomainException e) {
                PlanPages.rethrowAccess(e);
                if (e.field() == null) {
                    // a rule of the state, not of a field: shown at the top, the form may not be on the page
                    model.addAttribute("actionError", messages.getMessage(e.messageKey(), e.args(), locale));
                } else {
                    FormErrors.reject(result, e);
                }
            }
        }
        return topicPage(id, model);
    }
}
