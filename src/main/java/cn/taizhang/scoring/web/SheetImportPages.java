package cn.taizhang.scoring.web;

import cn.taizhang.org.ImportProblem;
import cn.taizhang.scoring.RatingSheetWorkbook;
import cn.taizhang.shared.AccessDeniedException;
import cn.taizhang.shared.CurrentUser;
import cn.taizhang.shared.Role;
import cn.taizhang.shared.web.Flash;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 评分表导入: upload a workbook of rating sheets (all or nothing), download the template. */
@Controller
@RequestMapping("/scoring/sheets/import")
class SheetImportPages {

    record ShownProblem(String sheet, int row, String column, String message) {
    }

    private final RatingSheetWorkbook workbook;
    private final MessageSource messages;

    SheetImportPages(RatingSheetWorkbook workbook, MessageSource messages) {
        this.workbook = workbook;
        this.messages = messages;
    }

    @GetMapping
    String page() {
        requireEditor();
        return "scoring/sheet-import";
    }

    @GetMapping("/template")
    void template(HttpServletResponse response) throws IOException {
        writeTemplate(workbook, requireEditor(), response);
    }

    /** The template as a download, for the page and the API alike. */
    static void writeTemplate(RatingSheetWorkbook workbook, CurrentUser me, HttpServletResponse response)
            throws IOException {
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition", "attachment; filename*=UTF-8''"
                + URLEncoder.encode("评分表导入模板.xlsx", StandardCharsets.UTF_8).replace("+", "%20"));
        workbook.template(me.tenantId(), response.getOutputStream());
    }

    @PostMapping
    String importSheets(@RequestParam("file") MultipartFile file, Model model, RedirectAttributes redirect,
                        Locale locale) throws IOException {
        CurrentUser me = requireEditor();
        RatingSheetWorkbook.ImportResult result = workbook.importWorkbook(me, file.getInputStream());
        if (result.accepted()) {
            Flash.say(redirect, messages, locale, "assessment.import.accepted", result.stored());
            return "redirect:/scoring/sheets/import";
        }
        model.addAttribute("problems", show(result.problems(), locale));
        return "scoring/sheet-import";
    }

    private List<ShownProblem> show(List<ImportProblem> problems, Locale locale) {
        return problems.stream().map(p -> new ShownProblem(p.sheet(), p.row(), p.column(),
                messages.getMessage(p.messageKey(), p.args(), locale))).toList();
    }

    static CurrentUser requireEditor() {
        CurrentUser me = CurrentUser.require();
        if (!me.hasAny(Role.LEADERSHIP, Role.DISCIPLINE)) {
            throw new AccessDeniedException();
        }
        return me;
    }
}
