package cn.taizhang.scoring.web;

import cn.taizhang.scoring.StandingWorkbook;
import cn.taizhang.shared.AccessDeniedException;
import cn.taizhang.shared.CurrentUser;
import cn.taizhang.shared.Role;
import cn.taizhang.shared.web.Flash;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
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

/** 上级排名导入: upload the superior's published ranking as a workbook (all or nothing), download the template. */
@Controller
@RequestMapping("/scoring/consequences/standings/import")
class StandingImportPages {

    private final StandingWorkbook workbook;
    private final MessageSource messages;

    StandingImportPages(StandingWorkbook workbook, MessageSource messages) {
        this.workbook = workbook;
        this.messages = messages;
    }

    @GetMapping
    String page() {
        requireLeader();
        return "scoring/standing-import";
    }

    @GetMapping("/template")
    void template(HttpServletResponse response) throws IOException {
        writeTemplate(workbook, requireLeader(), response);
    }

    static void writeTemplate(StandingWorkbook workbook, CurrentUser me, HttpServletResponse response)
            throws IOException {
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition", "attachment; filename*=UTF-8''"
                + URLEncoder.encode("上级排名导入模板.xlsx", StandardCharsets.UTF_8).replace("+", "%20"));
        workbook.template(me.tenantId(), response.getOutputStream());
    }

    @PostMapping
    String importStandings(@RequestParam("file") MultipartFile file, Model model, RedirectAttributes redirect,
                           Locale locale) throws IOException {
        CurrentUser me = requireLeader();
        StandingWorkbook.ImportResult result;
        try (InputStream in = file.getInputStream()) {
            result = workbook.importWorkbook(me, in);
        }
        if (result.accepted()) {
            Flash.say(redirect, messages, locale, "assessment.standingImport.accepted", result.stored());
            return "redirect:/scoring/consequences/standings/import";
        }
        model.addAttribute("problems", result.problems().stream().map(p -> new SheetImportPages.ShownProblem(p.sheet(),
                p.row(), p.column(), messages.getMessage(p.messageKey(), p.args(), locale))).toList());
        return "scoring/standing-import";
    }

    /** Standings are entered by the leadership, one by one or imported. */
    static CurrentUser requireLeader() {
        CurrentUser me = CurrentUser.require();
        if (!me.has(Role.LEADERSHIP)) {
            throw new AccessDeniedException();
        }
        return me;
    }
}
