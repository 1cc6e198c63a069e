package cn.taizhang.scoring.web;

import cn.taizhang.scoring.ConsequenceProposals;
import cn.taizhang.shared.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Consequence proposals (考核结果运用) as JSON: generate for a cycle (group funds with the cycle's
 * fund pool), list, confirm or reject with a reason.
 */
@RestController
@RequestMapping("/api/scoring/proposals")
@Tag(name = "scoring", description = "计分与考核 Points, rating sheets, assessments, rankings, explanations")
class ConsequenceApi {

    private final ConsequenceProposals proposals;

    ConsequenceApi(ConsequenceProposals proposals) {
        this.proposals = proposals;
    }

    /** {@code fundPool}: yuan, at most two decimals; required for group funds (GROUP_FUNDS), refused for others. */
    record GenerateRequest(String consequence, String cycle, BigDecimal fundPool) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Generate and store a consequence's proposals for a cycle (refused once one is confirmed); "
            + "group funds take the cycle's fund pool in yuan and store each group's amount")
    ConsequenceProposals.Generated generate(@RequestBody GenerateRequest b) {
        return proposals.generate(CurrentUser.require(), b.consequence(), b.cycle(), b.fundPool());
    }

    @GetMapping("/cycles/{cycle}")
    @Operation(summary = "Every proposal of a cycle, pending, decided and superseded; a county administrator reads a "
            + "township of the county with tenant (another county's township: 404)")
    List<ConsequenceProposals.Stored> ofCycle(@PathVariable String cycle, @RequestParam(required = false) Long tenant) {
        CurrentUser me = CurrentUser.require();
        return proposals.ofCycle(me, tenant == null ? me.tenantId() : tenant, cycle);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One proposal (a county administrator: of a township of the county, with tenant)")
    ConsequenceProposals.Stored one(@PathVariable long id, @RequestParam(required = false) Long tenant) {
        CurrentUser me = CurrentUser.require();
        return proposals.one(me, tenant == null ? me.tenantId() : tenant, id);
    }

    record Reason(String reason) {
    }

    @PostMapping("/{id}/confirm")
    @Operation(summary = "The leadership confirms a proposal with the reason; a Gold Board candidate goes to the gold board's draft")
    ConsequenceProposals.Stored confirm(@PathVariable long id, @RequestBody Reason b) {
        return proposals.confirm(CurrentUser.require(), id, b.reason());
    }

    @PostMapping("/{id}/reject")
    @Operation(summary = "The leadership rejects a proposal with the reason")
    ConsequenceProposals.Stored reject(@PathVariable long id, @RequestBody Reason b) {
        return proposals.reject(CurrentUser.require(), id, b.reason());
    }
}
