package cn.taizhang.method;

import java.util.List;

/**
 * A practice of the definition that the central rules restrict (POLICY.md). It stays in the
 * definition but is off until the tenant records its approval basis — document number, approving
 * body and date — for this {@code code}.
 *
 * @param code    stable per practice, e.g. {@code VETO:county-bottom3}; the key of the tenant's approval
 * @param kind    what kind of restricted practice
 * @param subject the name of the item, board or assessment as the definition calls it
 * @param path    where in the definition
 * @param line    the YAML line (0 when unknown)
 * @param args    details for the message {@code method.flag.KIND.what}: numbers, texts, or enums and
 *                lists of enums, which pages show by their translated labels
 */
public record ComplianceFlag(String code, Kind kind, String subject, String path, int line, List<Object> args) {

    public ComplianceFlag {
        args = List.copyOf(args);
    }

    /** The three facts the tenant must record before a flagged practice takes effect. */
    public static final List<String> MUST_RECORD = List.of("documentNumber", "approvingBody", "approvedOn");

    public enum Kind {
        /** One-vote veto in a centrally mandated domain (2019 中办通知). */
        VETO,
        /** One-vote veto reaching beyond the centrally mandated domains. */
        VETO_UNMANDATED,
        /** Compulsory sign-in (2023 网信委意见; 国办函〔2026〕12号). */
        SIGN_IN,
        /** A group leader answers with money for members' sign-in or absence. */
        LEADER_LIABILITY,
        /** Money called a fine: units may not fine staff. */
        FINE,
        /** Photos required or counted as evidence (2024 规定; 国办函〔2026〕12号). */
        PHOTOS,
        /** Online votes or likes as assessment evidence (国办函〔2026〕12号). */
        ONLINE_VOTE,
        /** A black board open to the public (PIPL; POLICY.md boards). */
        PUBLIC_BLACK_BOARD,
        /** Bottom members named in public (PIPL art. 13, 35). */
        PUBLIC_NAMING,
        /** Rankings published more often than the assessment cadence. */
        RANKING_FREQUENCY,
        /** 优秀 above 20% of staff (civil-service assessment rules). */
        EXCELLENT_QUOTA;

        public String titleKey() {
            return "method.flag." + name() + ".title";
        }

        public String whatKey() {
            return "method.flag." + name() + ".what";
        }

        public String ruleKey() {
            return "method.flag." + name() + ".rule";
        }

        public String compliantKey() {
            return "method.flag." + name() + ".compliant";
        }
    }
}
