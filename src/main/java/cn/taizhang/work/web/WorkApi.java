package cn.taizhang.work.web;

import cn.taizhang.method.MethodDefinition.Document;
import cn.taizhang.shared.CurrentUser;
import cn.taizhang.work.domain.ItemDetails;
import cn.taizhang.work.domain.LeadMember;
import cn.taizhang.work.domain.LedgerEntry;
import cn.taizhang.work.domain.LedgerFilter;
import cn.taizhang.work.domain.LedgerRow;
import cn.taizhang.work.domain.Light;
import cn.taizhang.work.domain.NewItem;
import cn.taizhang.work.domain.ReportFrequency;
import cn.taizhang.work.domain.Stage;
import cn.taizhang.work.domain.StagePlan;
import cn.taizhang.work.domain.WorkItem;
import cn.taizhang.work.domain.WorkItems;
import cn.taizhang.work.domain.WorkSource;
import cn.taizhang.work.domain.WorkState;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Work items as JSON for other government systems: the same rules, data scope and messages as the
 * pages. An item outside the caller's sight answers 404 like one that does not exist.
 */
@RestController
@RequestMapping("/api/work")
@Tag(name = "work", description = "工作事项与督办台账 Work items and the supervision ledger")
class WorkApi {

    private final WorkItems work;

    WorkApi(WorkItems work) {
        this.work = work;
    }

    /** An item as the API shows it. */
    record ItemJson(long id, String title, String categoryCode, String categoryName, WorkSource source,
                    long leadUnitId, List<Long> assistUnitIds, long responsiblePersonId, Long supervisingLeaderId,
                    LocalDate startDate, LocalDate originalDeadline, LocalDate deadline, int extensionCount,
                    LocalDate requestedDeadline, String target, String measures, ReportFrequency reportFrequency,
                    WorkState state, int progress, Light light, List<LeadMember> leadGroup, List<Stage> stages,
                    List<Document> documents, boolean rewardResult) {

        static ItemJson of(WorkItem w) {
            return new ItemJson(w.id(), w.title(), w.rule().code(), w.rule().name(), w.source(), w.leadUnitId(),
                    w.assistUnitIds(), w.responsiblePersonId(), w.supervisingLeaderId(), w.startDate(),
                    w.originalDeadline(), w.deadline(), w.extensionCount(), w.requestedDeadline(), w.target(),
                    w.measures(), w.reportFrequency(), w.state(), w.progress(), w.light(), w.leadGroup(), w.stages(),
                    List.copyOf(w.documents()), w.hasRewardResult());
        }
    }

    /** {@code stagesDone}: the numbers of the stages reported done. */
    record DetailsJson(ItemJson item, List<LedgerEntry> ledger, java.util.Set<Integer> stagesDone) {
    }

    @GetMapping
    @Operation(summary = "The ledger the caller may see, filtered and sorted; page with afterDeadline and afterId")
    List<LedgerRow> ledger(@RequestParam(required = false) Long unit, @RequestParam(required = false) String category,
                           @RequestParam(required = false) WorkState state, @RequestParam(required = false) Light light,
                           @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueFrom,
                           @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueTo,
                           @RequestParam(defaultValue = "DEADLINE_ASC") LedgerFilter.Sort sort,
                           @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate afterDeadline,
                           @RequestParam(required = false) Long afterId, @RequestParam(defaultValue = "50") int limit) {
        return work.ledger(CurrentUser.require(), new LedgerFilter(unit, category, state, light, dueFrom, dueTo, sort,
                afterDeadline, afterId, Math.max(1, Math.min(limit, 500))));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One item with its ledger in time order")
    DetailsJson item(@PathVariable long id) {
        ItemDetails d = work.details(CurrentUser.require(), id);
        return new DetailsJson(ItemJson.of(d.item()), d.ledger(), work.stagesDone(d.item()).keySet());
    }

    record StageJson(String name, int workingDays) {
    }

    record NewItemJson(String title, String categoryCode, WorkSource source, Long leadUnitId, List<Long> assistUnitIds,
                       Long responsiblePersonId, Long supervisingLeaderId, LocalDate startDate, LocalDate deadline,
                       String target, String measures, ReportFrequency reportFrequency, Long leaderId,
                       List<Long> deputyIds, Integer supervisorIndex, List<StageJson> stages, Boolean assign) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create an item (a draft, or assigned at once with assign=true)")
    ItemJson create(@RequestBody NewItemJson b) {
        List<StagePlan> stages = b.stages() == null ? List.of()
                : b.stages().stream().map(s -> new StagePlan(s.name(), s.workingDays())).toList();
        return ItemJson.of(work.create(CurrentUser.require(), new NewItem(b.title(), b.categoryCode(), b.source(),
                b.leadUnitId(), b.assistUnitIds(), b.responsiblePersonId(), b.supervisingLeaderId(), b.startDate(),
                b.deadline(), b.target(), b.measures(), b.reportFrequency() == null ? ReportFrequency.MONTHLY
                : b.reportFrequency(), b.leaderId(), b.deputyIds(), b.supervisorIndex(), stages,
                Boolean.TRUE.equals(b.assign()))));
    }

    record Text(String text) {
    }

    record Reason(String reason) {
    }

    record Report(Integer percent, String text) {
    }

    record DocumentJson(Document kind, String body) {
    }

    record Answer(Long queryId, String text) {
    }

    record Opinion(String measures, LocalDate until, String text) {
    }

    record Extension(LocalDate newDeadline, String reason) {
    }

    record Decision(boolean approve, String note) {
    }

    record Reward(String summary, Map<Long, BigDecimal> points) {
    }

    record Evidence(String evidence) {
    }

    @PostMapping("/{id}/assign")
    @Operation(summary = "Assign a draft or returned item")
    ItemJson assign(@PathVariable long id) {
        return ItemJson.of(work.assign(CurrentUser.require(), id));
    }

    @PostMapping("/{id}/acknowledge")
    @Operation(summary = "Acknowledge (签收) an assigned item")
    ItemJson acknowledge(@PathVariable long id) {
        return ItemJson.of(work.acknowledge(CurrentUser.require(), id));
    }

    @PostMapping("/{id}/return")
    @Operation(summary = "Return an assigned item to the assigner, with a reason")
    ItemJson returnIt(@PathVariable long id, @RequestBody Reason b) {
        return ItemJson.of(work.returnToAssigner(CurrentUser.require(), id, b.reason()));
    }

    @PostMapping("/{id}/documents")
    @Operation(summary = "Submit a work plan or risk assessment")
    ItemJson document(@PathVariable long id, @RequestBody DocumentJson b) {
        return ItemJson.of(work.submitDocument(CurrentUser.require(), id, b.kind(), b.body()));
    }

    @PostMapping("/{id}/start")
    @Operation(summary = "Start an acknowledged item (needs its documents when the category requires them)")
    ItemJson start(@PathVariable long id) {
        return ItemJson.of(work.start(CurrentUser.require(), id));
    }

    @PostMapping("/{id}/reports")
    @Operation(summary = "Report progress: percent and text")
    ItemJson report(@PathVariable long id, @RequestBody Report b) {
        return ItemJson.of(work.report(CurrentUser.require(), id, b.percent(), b.text()));
    }

    record StageDoneJson(String text) {
    }

    @PostMapping("/{id}/stages/{seq}/done")
    @Operation(summary = "Report a stage of the reverse schedule done (阶段完成), once; ends its reminders")
    ItemJson stageDone(@PathVariable long id, @PathVariable int seq, @RequestBody(required = false) StageDoneJson b) {
        return ItemJson.of(work.reportStageDone(CurrentUser.require(), id, seq, b == null ? null : b.text()));
    }

    @PostMapping("/{id}/queries")
    @Operation(summary = "A leader's query (质询)")
    ItemJson query(@PathVariable long id, @RequestBody Text b) {
        return ItemJson.of(work.query(CurrentUser.require(), id, b.text()));
    }

    @PostMapping("/{id}/answers")
    @Operation(summary = "Answer a query")
    ItemJson answer(@PathVariable long id, @RequestBody Answer b) {
        return ItemJson.of(work.answer(CurrentUser.require(), id, b.queryId(), b.text()));
    }

    @PostMapping("/{id}/opinions")
    @Operation(summary = "A supervision opinion (督办意见): measures and their deadline")
    ItemJson opinion(@PathVariable long id, @RequestBody Opinion b) {
        return ItemJson.of(work.supervisionOpinion(CurrentUser.require(), id, b.measures(), b.until(), b.text()));
    }

    @PostMapping("/{id}/extension")
    @Operation(summary = "Request a later deadline")
    ItemJson requestExtension(@PathVariable long id, @RequestBody Extension b) {
        return ItemJson.of(work.requestExtension(CurrentUser.require(), id, b.newDeadline(), b.reason()));
    }

    @PostMapping("/{id}/extension/decision")
    @Operation(summary = "Approve or refuse the requested extension")
    ItemJson decideExtension(@PathVariable long id, @RequestBody Decision b) {
        return ItemJson.of(work.decideExtension(CurrentUser.require(), id, b.approve(), b.note()));
    }

    @PostMapping("/{id}/completion")
    @Operation(summary = "Request completion")
    ItemJson requestCompletion(@PathVariable long id, @RequestBody Text b) {
        return ItemJson.of(work.requestCompletion(CurrentUser.require(), id, b.text()));
    }

    @PostMapping("/{id}/rework")
    @Operation(summary = "Return a completion request for rework")
    ItemJson rework(@PathVariable long id, @RequestBody Reason b) {
        return ItemJson.of(work.returnForRework(CurrentUser.require(), id, b.reason()));
    }

    @PostMapping("/{id}/reward")
    @Operation(summary = "Submit the reward/penalty result with each responsible person's proposed points")
    ItemJson reward(@PathVariable long id, @RequestBody Reward b) {
        return ItemJson.of(work.submitRewardResult(CurrentUser.require(), id, b.summary(), b.points()));
    }

    @PostMapping("/{id}/close-out")
    @Operation(summary = "Close the item out (销号) with evidence")
    ItemJson closeOut(@PathVariable long id, @RequestBody Evidence b) {
        return ItemJson.of(work.closeOut(CurrentUser.require(), id, b.evidence()));
    }

    @PostMapping("/{id}/evaluate")
    @Operation(summary = "Evaluate a closed item against its standard")
    ItemJson evaluate(@PathVariable long id, @RequestBody Text b) {
        return ItemJson.of(work.evaluate(CurrentUser.require(), id, b.text()));
    }

    @PostMapping("/{id}/cancel")
    @Operation(summary = "Cancel an open item, with a reason")
    ItemJson cancel(@PathVariable long id, @RequestBody Reason b) {
        return ItemJson.of(work.cancel(CurrentUser.require(), id, b.reason()));
    }
}
