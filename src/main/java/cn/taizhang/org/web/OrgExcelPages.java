package cn.taizhang.org.web;

import cn.taizhang.org.DataScope;
import cn.taizhang.org.ImportProblem;
import cn.taizhang.org.OrgScopes;
import cn.taizhang.org.OrgWorkbook;
import cn.taizhang.org.OrgWorkbook.ImportResult;
import cn.taizhang.org.Tenant;
import cn.taizhang.shared.AccessDeniedException;
import cn.taizhang.shared.web.Flash;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
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

/** Excel export and all-or-nothing import of the org tree and its people (REPORT-3). */
@Controller
@RequestMapping("/org/excel")
class OrgExcelPages {

    private final OrgWorkbook workbook;
    private final OrgScopes scopes;
    private final TenantContext tenants;
    private final MessageSource messages;
    private final Clock clock;

    OrgExcelPages(OrgWorkbook workbook, OrgScopes scopes, TenantContext tenants, MessageSource messages, Clock clock) {
        this.workbook = workbook;
        this.scopes = scopes;
        this.tenants = tenants;
        this.messages = messages;
        this.clock = clock;
    }

    /** A problem as the page shows it: where, and what is wrong, in the user's language. */
    record ShownProblem(String sheet, int row, String column, String message) {
    }

    @GetMapping
    String page(@RequestParam(required = false) Long tenant, Model model) {
        Tenant t = tenants.resolve(tenant);
        requireEditor(scopes.current());
        model.addAttribute("tenant", t);
        return "org/excel";
    }

    @GetMapping("/export")
    void export(@RequestParam(required = false) Long tenant, HttpServletResponse response) throws IOException {
        Tenant t = tenants.resolve(tenant);
        DataScope scope = scopes.current();
        String name = t.name() + "-组织机构-" + LocalDate.now(clock) + ".xlsx";
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition",
                "attachment; filename*=UTF-8''" + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"));
        workbook.export(scope, t.id(), response.getOutputStream());
    }

    @PostMapping("/import")
    String importWorkbook(@RequestParam(required = false) Long tenant, @RequestParam("file") MultipartFile file,
                          Model model, RedirectAttributes redirect, Locale locale) throws IOException {
        Tenant t = tenants.resolve(tenant);
        DataScope scope = scopes.current();
        requireEditor(scope);
        ImportResult result = workbook.importWorkbook(scope, t.id(), file.getInputStream());
        if (result.accepted()) {
            Flash.say(redirect, messages, locale, "import.accepted", result.unitsCreated(), result.unitsUpdated(),
                    result.peopleCreated(), result.peopleUpdated());
            return "redirect:/org?tenant=" + t.id();
        }
        model.addAttribute("tenant", t);
        model.addAttribute("problems", show(result.problems(), locale));
        return "org/excel";
    }

    private List<ShownProblem> show(List<ImportProblem> problems, Locale locale) {
        return problems.stream().map(p -> new ShownProblem(p.sheet(), p.row(), p.column(),
                messages.getMessage(p.messageKey(), p.args(), locale))).toList();
    }

    private static void requireEditor(DataScope scope) {
        if (!scope.mayEditUnits()) {
            throw new AccessDeniedException();
        }
    }
}
