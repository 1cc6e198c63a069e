package cn.taizhang.scoring.web;

import cn.taizhang.scoring.SuperiorStandings;
import cn.taizhang.shared.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** 上级排名 as JSON: the superior standings a rise reward (FUND-2) is computed from. */
@RestController
@RequestMapping("/api/scoring/standings")
@Tag(name = "scoring", description = "计分与考核 Points, rating sheets, assessments, rankings, explanations")
class StandingApi {

    private final SuperiorStandings standings;

    StandingApi(SuperiorStandings standings) {
        this.standings = standings;
    }

    /** {@code standing}: the rank (ranking rise) or the class number, 1 the best (class rise). */
    record NewStanding(String consequence, String cycle, ScoringApi.Subject subject, Integer standing, String reason) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record a subject's standing in the superior's ranking for a rise reward (leadership), "
            + "with its source as the reason; a later entry for the same cycle and subject counts instead")
    Map<String, Long> enter(@RequestBody NewStanding b) {
        return Map.of("id", standings.enter(CurrentUser.require(), new SuperiorStandings.Entry(b.consequence(),
                b.cycle(), b.subject() == null ? null : b.subject().ref(), b.standing(), b.reason())));
    }

    @GetMapping("/{consequence}/{cycle}")
    @Operation(summary = "The standings recorded for a rise reward in a cycle and the cycle before, per subject")
    SuperiorStandings.Standings of(@PathVariable String consequence, @PathVariable String cycle) {
        return standings.of(CurrentUser.require(), consequence, cycle);
    }
}
