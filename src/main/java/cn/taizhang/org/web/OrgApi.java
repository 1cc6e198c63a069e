package cn.taizhang.org.web;

import cn.taizhang.org.OrgScopes;
import cn.taizhang.org.OrgUnit;
import cn.taizhang.org.Organisation;
import cn.taizhang.org.Organisation.PersonDetails;
import cn.taizhang.org.Person;
import cn.taizhang.org.UnitKind;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The organisation as JSON for other government systems. Same rules and data scope as the pages;
 * a record outside the caller's scope answers 404 like one that does not exist.
 */
@RestController
@RequestMapping("/api/org")
@Tag(name = "org", description = "组织机构与人员 Organisation and people")
class OrgApi {

    private final Organisation organisation;
    private final OrgScopes scopes;
    private final TenantContext tenants;

    OrgApi(Organisation organisation, OrgScopes scopes, TenantContext tenants) {
        this.organisation = organisation;
        this.scopes = scopes;
        this.tenants = tenants;
    }

    @GetMapping("/units")
    @Operation(summary = "The org tree of a tenant in reach (default: the caller's own)")
    List<OrgUnit> units(@RequestParam(required = false) Long tenant,
                        @RequestParam(defaultValue = "false") boolean includeInactive) {
        return organisation.tree(scopes.current(), tenants.resolve(tenant).id(), includeInactive);
    }

    @GetMapping("/units/{id}")
    @Operation(summary = "One unit")
    OrgUnit unit(@PathVariable long id) {
        return organisation.unit(scopes.current(), id);
    }

    record NewUnit(long parentId, UnitKind kind, String code, String name, Integer sortOrder) {
    }

    @PostMapping("/units")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a unit under a parent")
    OrgUnit createUnit(@RequestBody NewUnit body) {
        return organisation.createUnit(scopes.current(), body.parentId(), body.kind(), body.code(), body.name(),
                body.sortOrder() == null ? 0 : body.sortOrder());
    }

    @GetMapping("/people")
    @Operation(summary = "People of a tenant in reach, optionally under a unit and matching a text")
    List<Person> people(@RequestParam(required = false) Long tenant, @RequestParam(required = false) Long unit,
                        @RequestParam(required = false) String q,
                        @RequestParam(defaultValue = "false") boolean includeInactive) {
        return organisation.people(scopes.current(), tenants.resolve(tenant).id(), unit, q, includeInactive);
    }

    @GetMapping("/people/{id}")
    @Operation(summary = "One person")
    Person person(@PathVariable long id) {
        return organisation.person(scopes.current(), id);
    }

    @PostMapping("/people")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a person")
    Person createPerson(@RequestBody PersonDetails body) {
        return organisation.createPerson(scopes.current(), body);
    }

    record PersonChange(int version, PersonDetails details, String reason) {
    }

    @PutMapping("/people/{id}")
    @Operation(summary = "Change a person (optimistic: send the version you read)")
    Person updatePerson(@PathVariable long id, @RequestBody PersonChange body) {
        return organisation.updatePerson(scopes.current(), id, body.version(), body.details(), body.reason());
    }
}
