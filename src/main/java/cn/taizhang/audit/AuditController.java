package cn.taizhang.audit;

import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The audit administrator's journal (安全审计员): read only. There is deliberately no endpoint that
 * changes or removes an entry, and the database refuses it too.
 */
@Controller
@PreAuthorize("hasRole('AUDIT_ADMIN')")
class AuditController {

    private final AuditQuery query;
    private final ObjectProvider<AuditTenantNames> tenantNames;

    AuditController(AuditQuery query, ObjectProvider<AuditTenantNames> tenantNames) {
        this.query = query;
        this.tenantNames = tenantNames;
    }

    @GetMapping("/audit")
    String journal(@ModelAttribute("filter") AuditFilter filter, BindingResult binding, Model model) {
        if (binding.hasErrors()) {
            // a date that is no date: show the form with the error and no entries
            model.addAttribute("page", new AuditQuery.Page(java.util.List.of(), null));
        } else {
            AuditQuery.Page page = query.find(filter);
            model.addAttribute("page", page);
            if (page.nextBefore() != null) {
                model.addAttribute("olderUrl", filter.query("/audit", page.nextBefore()));
            }
            if (filter.getBefore() != null) {
                model.addAttribute("newestUrl", filter.query("/audit", null));
            }
        }
        Map<Long, String> names = tenantNames.getIfAvailable(() -> Map::of).tenantNames();
        model.addAttribute("tenants", names);
        return "audit/journal";
    }
}
