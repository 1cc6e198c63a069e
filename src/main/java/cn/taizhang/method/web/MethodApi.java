package cn.taizhang.method.web;

import cn.taizhang.method.ComplianceFlag;
import cn.taizhang.method.MethodCatalog;
import cn.taizhang.method.MethodCheck;
import cn.taizhang.method.MethodCompliance;
import cn.taizhang.method.MethodDefinition;
import cn.taizhang.method.MethodVersion;
import cn.taizhang.method.TenantMethods;
import cn.taizhang.shared.CurrentUser;
import cn.taizhang.shared.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The tenant's method for other government systems: active definition, presets, validation, compliance. */
@RestController
@RequestMapping(path = "/api/methods", produces = MediaType.APPLICATION_JSON_VALUE)
@PreAuthorize("hasAnyRole('COUNTY_ADMIN','LEADERSHIP','DISCIPLINE','GROUP_LEADER','STAFF','VILLAGE_CADRE')")
@Tag(name = "methods", description = "工作方法定义 / method definitions")
class MethodApi {

    private final TenantMethods methods;
    private final MethodCatalog catalog;
    private final MethodCompliance compliance;
    private final MethodViews views;

    MethodApi(TenantMethods methods, MethodCatalog catalog, MethodCompliance compliance, MethodViews views) {
        this.methods = methods;
        this.catalog = catalog;
        this.compliance = compliance;
        this.views = views;
    }

    record ActiveMethod(long id, String code, int version, String name, String preset, OffsetDateTime adoptedAt,
                        MethodDefinition definition) {
    }

    record PresetSummary(String code, String name, String seed, List<String> flags) {
    }

    record Validation(boolean valid, List<ProblemView> problems, List<String> flags) {
    }

    @GetMapping("/active")
    @Operation(summary = "The adopted method of the caller's tenant",
            description = "404 when the tenant has not adopted a method yet.")
    ActiveMethod active() {
        long tenantId = CurrentUser.require().tenantId();
        MethodVersion v = methods.active(tenantId).orElseThrow(() -> new NotFoundException("method", tenantId));
        return new ActiveMethod(v.id(), v.code(), v.version(), v.name(), v.preset(), v.adoptedAt(), v.definition());
    }

    @GetMapping("/presets")
    @Operation(summary = "The five presets with their compliance flags")
    List<PresetSummary> presets() {
        return catalog.presets().stream().map(p -> new PresetSummary(p.code(), p.definition().name(),
                p.definition().source().seed(), p.flags().stream().map(ComplianceFlag::code).toList())).toList();
    }

    @PostMapping(path = "/validate", consumes = {MediaType.TEXT_PLAIN_VALUE, "application/yaml", "application/x-yaml"})
    @Operation(summary = "Validate a YAML method definition",
            description = "Returns every problem with its path, line and translated message, and the compliance "
                    + "flags of a valid definition. Stores nothing.")
    Validation validate(@RequestBody String yaml, Locale locale) {
        MethodCheck check = catalog.check(yaml);
        return new Validation(check.valid(), views.problems(check.problems(), locale),
                check.flags().stream().map(ComplianceFlag::code).toList());
    }

    @GetMapping("/compliance")
    @Operation(summary = "Compliance report of the adopted method",
            description = "Each flagged practice with the rule it touches and whether its approval basis is recorded.")
    List<FlagView> compliance(Locale locale) {
        return views.states(compliance.report(CurrentUser.require().tenantId()), locale);
    }
}
