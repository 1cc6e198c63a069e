package cn.taizhang.work.web;

import cn.taizhang.shared.AccessDeniedException;
import cn.taizhang.shared.CurrentUser;
import cn.taizhang.shared.DomainException;
import cn.taizhang.shared.web.Flash;
import cn.taizhang.work.domain.LedgerColumn;
import cn.taizhang.work.domain.LedgerExport;
import cn.taizhang.work.domain.LedgerFilter;
import cn.taizhang.work.domain.LedgerImport;
import cn.taizhang.work.domain.LedgerSheet;
import cn.taizhang.work.domain.Light;
import cn.taizhang.work.domain.WorkState;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The ledger in Excel, both ways: the export of the list as filtered, and the import of a township's
 * own ledger in three steps: upload, the proposed column mapping with a preview and the check of
 * every row, then confirmation. Nothing is stored before the confirmation, and nothing at all when a
 * row is wrong.
 */
@Controller
@RequestMapping("/work")
class LedgerExcelPages {

    private static final int PREVIEW_ROWS = 10;

    private final LedgerExport export;
    private final LedgerImport ledgerImport;
    private final ImportUploads uploads;
    private final MessageSource messages;
    private final Clock clock;

    LedgerExcelPages(LedgerExport export, LedgerImport ledgerImport, ImportUploads uploads, MessageSource messages,
                     Clock clock) {
        this.export = export;
        this.ledgerImport = ledgerImport;
        this.uploads = uploads;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/export")
    void export(@RequestParam(required = false) Long unit, @RequestParam(required = false) String category,
                @RequestParam(required = false) WorkState state, @RequestParam(required = false) Light light,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueFrom,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueTo,
                @RequestParam(defaultValue = "DEADLINE_ASC") LedgerFilter.Sort sort, HttpServletResponse response)
            throws IOException {
        writeExport(export, clock, new LedgerFilter(unit, category == null || category.isBlank() ? null : category,
                state, light, dueFrom, dueTo, sort, null, null, 0), response);
    }

    static void writeExport(LedgerExport export, Clock clock, LedgerFilter filter, HttpServletResponse response)
            throws IOException {
        CurrentUser me = CurrentUser.require();
        String name = "工作台账-" + LocalDate.now(clock) + ".xlsx";
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition",
                "attachment; filename*=UTF-8''" + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"));
        export.export(me, filter, response.getOutputStream());
    }

    @GetMapping("/import")
    String importPage(HttpSession session, Model model) throws IOException {
        requireImporter();
        uploads.discard(session);
        model.addAttribute("columns", LedgerColumn.importables());
        return "work/import";
    }

    @PostMapping("/import")
    String upload(@RequestParam("file") MultipartFile file, HttpSession session, Model model, Locale locale)
            throws IOException {
        CurrentUser me = requireImporter();
        LedgerSheet sheet;
        try (InputStream in = file.getInputStream()) {
            sheet = LedgerSheet.read(in);
        } catch (DomainException e) {
            model.addAttribute("columns", LedgerColumn.importables());
            model.addAttribute("uploadError", messages.getMessage(e.messageKey(), e.args(), locale));
            return "work/import";
        }
        try (InputStream in = file.getInputStream()) {
            uploads.keep(session, me.accountId(), file.getOriginalFilename(), in);
        }
        Map<LedgerColumn, Integer> mapping = sheet.proposedMapping();
        return mappingPage(model, locale, uploads.current(session, me.accountId()), sheet, mapping,
                ledgerImport.check(me, sheet, mapping), true);
    }

    @PostMapping("/import/check")
    String check(@RequestParam Map<String, String> params, HttpSession session, Model model, Locale locale)
            throws IOException {
        return withUpload(params, session, model, locale, false);
    }

    @PostMapping("/import/confirm")
    String confirm(@RequestParam Map<String, String> params, HttpSession session, Model model, Locale locale,
                   RedirectAttributes redirect) throws IOException {
        String page = withUpload(params, session, model, locale, true);
        if (page == null) {
            uploads.discard(session);
            LedgerImport.Outcome done = (LedgerImport.Outcome) model.getAttribute("outcome");
            Flash.say(redirect, messages, locale, "ledgerxls.imported", done.created());
            return "redirect:/work?sort=NEWEST";
        }
        return page;
    }

    /** Reads the kept upload with the chosen mapping; checks it, or stores it (then null when accepted). */
    private String withUpload(Map<String, String> params, HttpSession session, Model model, Locale locale,
                              boolean store) throws IOException {
        CurrentUser me = requireImporter();
        ImportUploads.Upload upload = uploads.current(session, me.accountId());
        if (upload == null) {
            model.addAttribute("columns", LedgerColumn.importables());
            model.addAttribute("uploadError", messages.getMessage("ledgerxls.uploadAgain", null, locale));
            return "work/import";
        }
        LedgerSheet sheet;
        try (InputStream in = uploads.open(upload)) {
            sheet = LedgerSheet.read(in);
        }
        Map<String, String> chosen = new LinkedHashMap<>();
        params.forEach((k, v) -> {
            if (k.startsWith("col.")) {
                chosen.put(k.substring(4), v);
            }
        });
        Map<LedgerColumn, Integer> mapping = LedgerImport.mapping(chosen, sheet.headers().size());
        LedgerImport.Outcome outcome = store ? ledgerImport.store(me, sheet, mapping, upload.fileName())
                : ledgerImport.check(me, sheet, mapping);
        if (store && outcome.accepted()) {
            model.addAttribute("outcome", outcome);
            return null;
        }
        return mappingPage(model, locale, upload, sheet, mapping, outcome, false);
    }

    /** A problem as the page shows it. */
    record ShownProblem(int row, String column, String message) {
    }

    /** A column of the sheet the user may pick for a field. */
    record ColumnChoice(int index, String name) {
    }

    /** A preview row: its Excel number and the cells of the mapped fields. */
    record PreviewRow(int number, List<String> cells) {
    }

    private String mappingPage(Model model, Locale locale, ImportUploads.Upload upload, LedgerSheet sheet,
                               Map<LedgerColumn, Integer> mapping, LedgerImport.Outcome outcome, boolean proposed) {
        List<LedgerColumn> fields = LedgerColumn.importables();
        List<ColumnChoice> choices = new ArrayList<>();
        for (int i = 0; i < sheet.headers().size(); i++) {
            choices.add(new ColumnChoice(i, sheet.columnName(i)));
        }
        Map<String, Integer> selected = new LinkedHashMap<>();
        mapping.forEach((c, i) -> selected.put(c.name(), i));
        List<LedgerColumn> mapped = fields.stream().filter(mapping::containsKey).toList();
        List<PreviewRow> preview = sheet.rows().stream().limit(PREVIEW_ROWS)
                .map(r -> new PreviewRow(r.number(), mapped.stream().map(c -> r.cell(mapping.get(c))).toList()))
                .toList();
        model.addAttribute("upload", upload);
        model.addAttribute("sheet", sheet);
        model.addAttribute("fields", fields);
        model.addAttribute("choices", choices);
        model.addAttribute("selected", selected);
        model.addAttribute("mapped", mapped);
        model.addAttribute("preview", preview);
        model.addAttribute("proposed", proposed);
        model.addAttribute("outcome", outcome);
        model.addAttribute("problems", outcome.problems().stream()
                .map(p -> new ShownProblem(p.row(), p.column(), messages.getMessage(p.messageKey(), p.args(), locale)))
                .toList());
        return "work/import-mapping";
    }

    private static CurrentUser requireImporter() {
        CurrentUser me = CurrentUser.require();
        if (!LedgerImport.mayImport(me)) {
            throw new AccessDeniedException();
        }
        return me;
    }
}
