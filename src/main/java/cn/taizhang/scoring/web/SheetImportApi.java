package cn.taizhang.scoring.web;

import cn.taizhang.scoring.RatingSheetWorkbook;
import cn.taizhang.shared.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** 评分表导入 for other systems: the same all-or-nothing workbook import and template as the page. */
@RestController
@RequestMapping("/api/scoring/sheets/import")
@Tag(name = "scoring", description = "计分与考核 Points, rating sheets, assessments, rankings, explanations")
class SheetImportApi {

    /** A bad row: where (sheet, Excel row number, column header) and why (stable code, translated message). */
    record ProblemJson(String sheet, int row, String column, String code, String message) {
    }

    record ImportJson(int stored, List<ProblemJson> problems) {
    }

    private final RatingSheetWorkbook workbook;
    private final MessageSource messages;

    SheetImportApi(RatingSheetWorkbook workbook, MessageSource messages) {
        this.workbook = workbook;
        this.messages = messages;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import rating sheets from an .xlsx (part 'file'): 200 with the number stored, or 422 "
            + "with every bad row (row, column, reason in the Accept-Language) and nothing stored")
    ResponseEntity<ImportJson> importSheets(@RequestParam("file") MultipartFile file, Locale locale)
            throws IOException {
        CurrentUser me = SheetImportPages.requireEditor();
        RatingSheetWorkbook.ImportResult result;
        try (InputStream in = file.getInputStream()) {
            result = workbook.importWorkbook(me, in);
        }
        var body = new ImportJson(result.stored(), result.problems().stream()
                .map(p -> new ProblemJson(p.sheet(), p.row(), p.column(), p.messageKey(),
                        messages.getMessage(p.messageKey(), p.args(), locale)))
                .toList());
        return ResponseEntity.status(result.accepted() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_CONTENT).body(body);
    }

    @GetMapping("/template")
    @Operation(summary = "The import template: the header row and a sheet 说明 with the adopted method's codes")
    void template(HttpServletResponse response) throws IOException {
        SheetImportPages.writeTemplate(workbook, SheetImportPages.requireEditor(), response);
    }
}
