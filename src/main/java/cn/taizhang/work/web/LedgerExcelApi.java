package cn.taizhang.work.web;

import cn.taizhang.shared.AccessDeniedException;
import cn.taizhang.shared.CurrentUser;
import cn.taizhang.work.domain.LedgerExport;
import cn.taizhang.work.domain.LedgerFilter;
import cn.taizhang.work.domain.LedgerImport;
import cn.taizhang.work.domain.LedgerSheet;
import cn.taizhang.work.domain.Light;
import cn.taizhang.work.domain.WorkState;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The ledger workbook for other systems: the same export and the same all-or-nothing import as the pages. */
@RestController
@RequestMapping("/api/work")
@Tag(name = "work", description = "工作事项与督办台账 Work items and the supervision ledger")
class LedgerExcelApi {

    private final LedgerExport export;
    private final LedgerImport ledgerImport;
    private final MessageSource messages;
    private final Clock clock;

    LedgerExcelApi(LedgerExport export, LedgerImport ledgerImport, MessageSource messages, Clock clock) {
        this.export = export;
        this.ledgerImport = ledgerImport;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/export")
    @Operation(summary = "The ledger the caller may see as an Excel workbook, with the list's filters and sort")
    void export(@RequestParam(required = false) Long unit, @RequestParam(required = false) String category,
                @RequestParam(required = false) WorkState state, @RequestParam(required = false) Light light,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueFrom,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueTo,
                @RequestParam(defaultValue = "DEADLINE_ASC") LedgerFilter.Sort sort, HttpServletResponse response)
            throws IOException {
        LedgerExcelPages.writeExport(export, clock, new LedgerFilter(unit,
                category == null || category.isBlank() ? null : category, state, light, dueFrom, dueTo, sort, null, null,
                0), response);
    }

    record ProblemJson(int row, String column, String message) {
    }

    record ImportJson(int rows, int created, List<ProblemJson> problems) {
    }

    @PostMapping("/import")
    @Operation(summary = "Import a ledger workbook with the proposed column mapping: 201 when stored, 422 with "
            + "every problem (nothing stored); with check=true only checks (200 or 422)")
    ResponseEntity<ImportJson> importLedger(@RequestParam("file") MultipartFile file,
                                            @RequestParam(defaultValue = "false") boolean check, Locale locale)
            throws IOException {
        CurrentUser me = CurrentUser.require();
        if (!LedgerImport.mayImport(me)) {
            throw new AccessDeniedException();
        }
        LedgerSheet sheet;
        try (InputStream in = file.getInputStream()) {
            sheet = LedgerSheet.read(in);
        }
        LedgerImport.Outcome o = check ? ledgerImport.check(me, sheet, sheet.proposedMapping())
                : ledgerImport.store(me, sheet, sheet.proposedMapping(), file.getOriginalFilename());
        var body = new ImportJson(o.rows(), o.created(), o.problems().stream()
                .map(p -> new ProblemJson(p.row(), p.column(), messages.getMessage(p.messageKey(), p.args(), locale)))
                .toList());
        HttpStatus status = !o.accepted() ? HttpStatus.UNPROCESSABLE_CONTENT : check ? HttpStatus.OK : HttpStatus.CREATED;
        return ResponseEntity.status(status).body(body);
    }
}
