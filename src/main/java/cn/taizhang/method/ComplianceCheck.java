package cn.taizhang.method;

import cn.taizhang.method.ComplianceFlag.Kind;
import cn.taizhang.method.MethodDefinition.AttendanceMode;
import cn.taizhang.method.MethodDefinition.Ballot;
import cn.taizhang.method.MethodDefinition.BoardKind;
import cn.taizhang.method.MethodDefinition.ConsequenceKind;
import cn.taizhang.method.MethodDefinition.MoneyKind;
import cn.taizhang.method.MethodDefinition.Period;
import cn.taizhang.method.MethodDefinition.PhotoRule;
import cn.taizhang.method.MethodDefinition.VetoDomain;
import cn.taizhang.method.MethodDefinition.Visibility;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the practices of a valid definition that the central rules on reducing the grassroots
 * burden restrict (POLICY.md). The check knows no preset: it reads only the definition.
 */
final class ComplianceCheck {

    /** 优秀 is normally at most this share of staff. */
    static final int EXCELLENT_QUOTA_PERCENT = 20;

    private final Map<String, Integer> lines;
    private final Map<String, ComplianceFlag> flags = new LinkedHashMap<>();

    private ComplianceCheck(Map<String, Integer> lines) {
        this.lines = lines;
    }

    static List<ComplianceFlag> check(MethodDefinition d, Map<String, Integer> lines) {
        var c = new ComplianceCheck(lines);
        c.run(d);
        return List.copyOf(c.flags.values());
    }

    private void flag(Kind kind, String code, String subject, String path, Object... args) {
        String flagCode = code == null ? kind.name() : kind.name() + ":" + code;
        flags.putIfAbsent(flagCode, new ComplianceFlag(flagCode, kind, subject, path,
                MethodValidator.lineOf(lines, path), Arrays.asList(args)));
    }

    private void run(MethodDefinition d) {
        for (int i = 0; i < d.vetoes().size(); i++) {
            var v = d.vetoes().get(i);
            boolean mandated = !v.domains().isEmpty() && v.domains().stream().allMatch(VetoDomain::centrallyMandated);
            flag(mandated ? Kind.VETO : Kind.VETO_UNMANDATED, v.code(), v.name(), "vetoes[" + i + "]", v.domains());
        }
        if (d.money().kind() == MoneyKind.FINE) {
            flag(Kind.FINE, null, d.name(), "money.kind", d.money().fenPerPoint());
        }
        for (int i = 0; i < d.scoreItems().size(); i++) {
            var s = d.scoreItems().get(i);
            String p = "scoreItems[" + i + "]";
            if (s.leaderLiability()) {
                flag(Kind.LEADER_LIABILITY, s.code(), s.name(), p + ".leaderLiability");
            }
            if (s.money() != null && s.money().kind() == MoneyKind.FINE) {
                flag(Kind.FINE, s.code(), s.name(), p + ".money.kind",
                        s.money().fenPerPoint() != null ? s.money().fenPerPoint() : s.money().fenPerOccurrence());
            }
        }
        for (int i = 0; i < d.assessments().size(); i++) {
            var a = d.assessments().get(i);
            String p = "assessments[" + i + "]";
            for (int j = 0; j < a.components().size(); j++) {
                var c = a.components().get(j);
                if (c.ballots().contains(Ballot.ONLINE_VOTE) || c.ballots().contains(Ballot.LIKES)) {
                    flag(Kind.ONLINE_VOTE, a.code(), a.name() + " / " + c.name(), p + ".components[" + j + "].ballots");
                }
            }
            if (a.rankingPublished() != null && !a.cycles().isEmpty()) {
                Period shortest = a.cycles().stream().map(MethodDefinition.Cycle::period)
                        .min(Comparator.naturalOrder()).orElseThrow();
                if (a.rankingPublished().compareTo(shortest) < 0) {
                    flag(Kind.RANKING_FREQUENCY, a.code(), a.name(), p + ".rankingPublished",
                            a.rankingPublished(), shortest);
                }
            }
        }
        for (int i = 0; i < d.boards().size(); i++) {
            var b = d.boards().get(i);
            String p = "boards[" + i + "]";
            if (b.kind() == BoardKind.BLACK && b.visibility() == Visibility.PUBLIC) {
                flag(Kind.PUBLIC_BLACK_BOARD, b.code(), b.name(), p + ".visibility");
            }
            if (b.namesBottomMembers() && b.visibility() == Visibility.PUBLIC) {
                flag(Kind.PUBLIC_NAMING, b.code(), b.name(), p + ".namesBottomMembers");
            }
            if (b.kind() == BoardKind.RESULTS && b.cadence() == Period.LIVE) {
                flag(Kind.RANKING_FREQUENCY, b.code(), b.name(), p + ".cadence", Period.LIVE, Period.ON_RESULT);
            }
        }
        for (int i = 0; i < d.consequences().size(); i++) {
            var c = d.consequences().get(i);
            if (c.kind() == ConsequenceKind.GRADE_QUOTA && c.quotaPercent() != null
                    && c.quotaPercent() > EXCELLENT_QUOTA_PERCENT) {
                flag(Kind.EXCELLENT_QUOTA, c.code(), c.name(), "consequences[" + i + "].quotaPercent",
                        c.quotaPercent(), EXCELLENT_QUOTA_PERCENT);
            }
        }
        var pr = d.practices();
        if (pr == null) {
            return;
        }
        if (pr.attendance() != null && pr.attendance().mode() == AttendanceMode.COMPULSORY_SIGN_IN) {
            flag(Kind.SIGN_IN, null, d.name(), "practices.attendance.mode");
        }
        for (int i = 0; i < pr.inspections().size(); i++) {
            var in = pr.inspections().get(i);
            if (in.photos() == PhotoRule.REQUIRED || in.photos() == PhotoRule.COUNTED) {
                flag(Kind.PHOTOS, in.code(), in.name(), "practices.inspections[" + i + "].photos", in.photos());
            }
        }
        for (int i = 0; i < pr.competitions().size(); i++) {
            var c = pr.competitions().get(i);
            if (c.publicNaming() && c.bottomMembers() != null && c.bottomMembers() > 0) {
                flag(Kind.PUBLIC_NAMING, c.code(), c.name(), "practices.competitions[" + i + "].publicNaming",
                        c.bottomMembers());
            }
        }
    }

}
