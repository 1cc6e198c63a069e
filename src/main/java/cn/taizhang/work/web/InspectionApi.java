package cn.taizhang.work.web;

import cn.taizhang.shared.CurrentUser;
import cn.taizhang.work.domain.Attachment;
import cn.taizhang.work.domain.Inspection;
import cn.taizhang.work.domain.InspectionComparison;
import cn.taizhang.work.domain.Inspections;
import cn.taizhang.work.domain.LedgerAttachments;
import cn.taizhang.work.domain.StageRating;
import cn.taizhang.work.domain.SupervisionRound;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Site inspections, attachments and the supervision round as JSON: the same rules, data scope and
 * messages as the pages (LEDGER-4..6). Photos are optional everywhere.
 */
@RestController
@RequestMapping("/api/work")
@Tag(name = "work", description = "工作事项与督办台账 Work items and the supervision ledger")
class InspectionApi {

    private final Inspections inspections;
    private final LedgerAttachments attachments;
    private final SupervisionRound round;

    InspectionApi(Inspections inspections, LedgerAttachments attachments, SupervisionRound round) {
        this.inspections = inspections;
        this.attachments = attachments;
        this.round = round;
    }

    record FigureJson(String name, String value, String unit) {
    }

    record InspectionJson(LocalDate inspectedOn, List<Long> inspectorIds, String text, List<FigureJson> figures) {

        Inspections.NewInspection toNew() {
            return new Inspections.NewInspection(inspectedOn, inspectorIds, text, figures == null ? List.of()
                    : figures.stream().map(f -> f == null ? null : new Inspections.FigureInput(f.name(), f.value(), f.unit()))
                    .toList());
        }
    }

    @GetMapping("/{id}/inspections")
    @Operation(summary = "The item's site inspections (现场查看), latest day first")
    List<Inspection> inspections(@PathVariable long id) {
        return inspections.of(CurrentUser.require(), id);
    }

    @PostMapping(path = "/{id}/inspections", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record a site inspection without photos: day, inspectors, text, figures")
    Inspection inspect(@PathVariable long id, @RequestBody InspectionJson b) {
        return inspections.record(CurrentUser.require(), id, b.toNew(), List.of());
    }

    @PostMapping(path = "/{id}/inspections", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record a site inspection with optional photos: part 'inspection' (JSON) and parts 'photos'")
    Inspection inspectWithPhotos(@PathVariable long id, @RequestPart("inspection") InspectionJson b,
                                 @RequestPart(name = "photos", required = false) List<MultipartFile> photos) {
        return inspections.record(CurrentUser.require(), id, b.toNew(), ActionForms.uploads(photos));
    }

    @GetMapping("/{id}/inspections/comparison")
    @Operation(summary = "The state now beside the state two months before (前后两个月对比)")
    InspectionComparison comparison(@PathVariable long id) {
        return inspections.comparison(CurrentUser.require(), id);
    }

    /** {@code standards}: code of a standard of the method to its rating; {@code rating} only without standards. */
    record StageJson(StageRating rating, Map<String, StageRating> standards, String remark) {
    }

    @PostMapping("/{id}/stage-evaluation")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "The supervision group's quarterly stage evaluation: a rating per standard of the method "
            + "(the overall rating is the worst of them) or one rating, and a remark; once a quarter")
    Map<String, Object> evaluateStage(@PathVariable long id, @RequestBody StageJson b) {
        Map<String, StageRating> given = b.standards() == null ? Map.of() : new java.util.LinkedHashMap<>(b.standards());
        var done = inspections.evaluateStage(CurrentUser.require(), id, b.rating(), given, b.remark());
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        out.put("itemId", id);
        out.put("rating", done.rating());
        out.put("standards", done.standards());
        return out;
    }

    @GetMapping("/{id}/attachments")
    @Operation(summary = "The item's files: name, sniffed type, size, sha256, who and when")
    List<Attachment> attachments(@PathVariable long id) {
        return attachments.list(CurrentUser.require(), id);
    }

    @GetMapping("/{id}/attachments/{attachmentId}")
    @Operation(summary = "Download a file (as an attachment, nosniff)")
    ResponseEntity<byte[]> download(@PathVariable long id, @PathVariable long attachmentId) {
        return Downloads.response(attachments.download(CurrentUser.require(), id, attachmentId));
    }

    @PostMapping(path = "/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add files to a ledger line the caller wrote (an inspection takes photos only)")
    List<Attachment> attach(@PathVariable long id, @RequestParam long entryId,
                            @RequestPart(name = "files", required = false) List<MultipartFile> files) {
        return attachments.attach(CurrentUser.require(), id, entryId, ActionForms.uploads(files));
    }

    @GetMapping("/round")
    @Operation(summary = "The supervision group's monthly round: lagging items, the month's opinions, stage evaluations")
    SupervisionRound.Round round(@RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") YearMonth month) {
        return round.round(CurrentUser.require(), month);
    }

    record OpinionsJson(List<Long> itemIds, String measures, LocalDate until, String text) {
    }

    @PostMapping("/round/opinions")
    @Operation(summary = "One supervision opinion (督办意见) to several items, all or none")
    Map<String, Object> issue(@RequestBody OpinionsJson b) {
        return Map.of("issued", round.issue(CurrentUser.require(), b.itemIds(), b.measures(), b.until(), b.text()));
    }
}
