package cn.taizhang.scoring.web;

import cn.taizhang.scoring.StandingWorkbook;
import cn.taizhang.scoring.SuperiorStandings;
import cn.taizhang.shared.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** 上级排名 as JSON: the superior standings a rise reward (FUND-2) is computed from, one by one or from Excel. */
@RestController
@RequestMapping("/api/scoring/standings")
@Tag(name = "scoring", description = "计分与考核 Points, rating sheets, assessments, rankings, explanations")
class StandingApi {

    private final SuperiorStandings standings;
    private final StandingWorkbook workbook;
    private final MessageSource messages;

    StandingApi(SuperiorStandings standings, StandingWorkbook workbook, MessageSource messages) {
        this.standings = standings;
        this.workbook = workbook;
        this.messages = messages;
    }

    /** {@code standing}: the rank (ranking rise) or the class number, 1 the best (class rise). */
    record NewStanding(String consequence, String cycle, ScoringApi.Subject subject, Integer standing, String reason) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record a subject's standing in the superior's ranking for a rise reward (leadership), "
            + "with its source as the reason; a later entry for the same cycle and subject counts instead")
    Map<String, Long> enter(@RequestBody NewStanding b) {
        return Map.of("id", standings.enter(CurrentUser.require(), new SuperiorStandings.Entry(b.consequence(),
                b.cycle(), b.subject() == null ? null : b.subject().ref(), b.standing(), b.reason())));
    }

    @GetMapping("/{consequence}/{cycle}")
    @Operation(summary = "The standings recorded for a rise reward in a cycle and the cycle before, per subject; a "
            + "county administrator reads a township of the county with tenant")
    SuperiorStandings.Standings of(@PathVariable String consequence, @PathVariable String cycle,
                                   @RequestParam(required = false) Long tenant) {
        CurrentUser me = CurrentUser.require();
        return standings.of(me, tenant == null ? me.tenantId() : tenant, consequence, cycle);
    }

    @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import the superior's published ranking from an .xlsx (part 'file', sheet 上级排名; "
            + "leadership): 200 with the number stored, or 422 with every bad row (row, column, reason in the "
            + "Accept-Language) and nothing stored")
    ResponseEntity<SheetImportApi.ImportJson> importStandings(@RequestParam("file") MultipartFile file, Locale locale)
            throws IOException {
        CurrentUser me = StandingImportPages.requireLeader();
        StandingWorkbook.ImportResult result;
        try (InputStream in = file.getInputStream()) {
            result = workbook.importWorkbook(me, in);
        }
        var body = new SheetImportApi.ImportJson(result.stored(), result.problems().stream()
                .map(p -> new SheetImportApi.ProblemJson(p.sheet(), p.row(), p.column(), p.messageKey(),
                        messages.getMessage(p.messageKey(), p.args(), locale)))
                .toList());
        return ResponseEntity.status(result.accepted() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_CONTENT).body(body);
    }

    @GetMapping("/import/template")
    @Operation(summary = "The import template: the header row and a sheet 说明 with the rise rewards and the subjects' codes")
    void template(HttpServletResponse response) throws IOException {
        StandingImportPages.writeTemplate(workbook, StandingImportPages.requireLeader(), response);
    }
}
