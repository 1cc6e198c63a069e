package cn.taizhang.method;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.util.List;

/**
 * A work method as data: what the YAML document of a preset or of a tenant's version declares.
 * The YAML keys are the component names below (camelCase); docs/method-schema.md describes each
 * one for the clerk who edits it. Lists that are absent are empty, optional values absent are null,
 * switches absent are {@code false}.
 */
public record MethodDefinition(
        @Required String code,
        @Required String name,
        @Required Origin source,
        String summary,
        @Required List<Category> categories,
        List<ScoreItem> scoreItems,
        @Required MoneyRule money,
        List<RaterGroup> raterGroups,
        @Required List<Assessment> assessments,
        List<Composite> composites,
        List<Bonus> bonuses,
        List<Veto> vetoes,
        List<Board> boards,
        List<Consequence> consequences,
        Practices practices) {

    /** Where the method comes from: the seed document and the place that practised it. */
    public record Origin(@Required String seed, String place, String title, String note) {
    }

    // ------------------------------------------------------------------ categories (WORK-1, WORK-2)

    public enum Management {
        /** 层级管理: each level answers to the one above. */
        HIERARCHICAL,
        /** 综合管理 + 网格化管理, unified dispatch. */
        INTEGRATED_GRID,
        /** 集中管理, assigned ad hoc. */
        CENTRALISED_AD_HOC,
        /** 高度统一管理 under one commander. */
        UNIFIED_COMMAND
    }

    public enum Document { WORK_PLAN, RISK_ASSESSMENT, REWARD_PENALTY_RESULT }

    public record Category(@Required String code, @Required String name, @Required Management management,
                           String rule, LeadGroup leadGroup, List<Document> requiredDocuments,
                           boolean noLeave, List<String> commanders, List<String> examples) {
    }

    /** Who leads an item: {@code size} people = one leader + {@code deputies}; one deputy may supervise and assess. */
    public record LeadGroup(@Required Integer size, @Required Integer deputies, boolean supervisorAssessor) {
    }

    // ------------------------------------------------------------------ score items (SCORE-1..6)

    public enum SubjectKind { PERSON, GROUP, UNIT, VILLAGE }

    public enum Direction { ADD, DEDUCT, ADD_OR_DEDUCT }

    public record PointRange(@Required BigDecimal min, @Required BigDecimal max) {
    }

    public record ScoreItem(@Required String code, @Required String name, @Required List<SubjectKind> subjects,
                            @Required Direction direction, PointRange points, boolean fullMarksOnCompletion,
                            boolean uncapped, boolean bindAllResponsible, boolean leaderLiability,
                            boolean reasonRequired, String article, ItemMoney money, String note) {
    }

    /** How money follows points: always a deduction from the performance bonus; FINE is flagged. */
    public enum MoneyKind { BONUS_DEDUCTION, FINE }

    /** The method's rate: points × {@code fenPerPoint} (1 yuan = 100 fen). */
    public record MoneyRule(@Required MoneyKind kind, @Required Long fenPerPoint, String basis, String note) {
    }

    /** An item's own money: per point or per occurrence (e.g. per missed sign-in, per day absent). */
    public record ItemMoney(@Required MoneyKind kind, Long fenPerPoint, Long fenPerOccurrence, String unit) {
    }

    // ------------------------------------------------------------------ raters and assessments (ASSESS)

    public record RaterGroup(@Required String code, @Required String name, String members) {
    }

    /** How often something happens. LIVE and ON_RESULT are for publication, not for assessment cycles. */
    public enum Period {
        LIVE, ON_RESULT, DAY, WEEK, MONTH, QUARTER, HALF_YEAR, YEAR;

        public boolean isCycle() {
            return ordinal() >= DAY.ordinal();
        }
    }

    public record Cycle(@Required Period period, String when) {
    }

    public enum ComponentSource {
        /** The sum of the points scored as events happened. */
        EVENTS,
        /** Rater groups score the subject (测评). */
        RATINGS,
        /** Subjects drawn at a meeting report and everyone present scores them. */
        DRAW_MEETING,
        /** Raters sampled among the subject's service recipients. */
        SURVEY
    }

    public enum MissingGroupRule {
        /** The groups that did rate share the missing group's weight; the result is flagged. */
        REWEIGHT_AND_FLAG,
        /** The missing group counts as zero. */
        COUNT_AS_ZERO
    }

    /** How a rating is collected. ONLINE_VOTE and LIKES are flagged: they are not assessment evidence. */
    public enum Ballot { MEETING_BALLOT, PAPER_QUESTIONNAIRE, SAMPLED_SURVEY, INTERVIEW, ONLINE_VOTE, LIKES }

    public enum TieRule { SHARE_RANK, HIGHER_FIRST_COMPONENT, EARLIER_COMPLETION }

    public record RaterWeight(@Required String group, @Required BigDecimal weight) {
    }

    /** {@code size} drawn per kind in {@code per} (draws) or sampled per subject (surveys), among {@code among}. */
    public record Sampling(@Required Integer size, List<SubjectKind> per, String among) {
    }

    public record Component(@Required String code, @Required String name, @Required ComponentSource source,
                            @Required BigDecimal weight, List<RaterWeight> raters, MissingGroupRule missingGroup,
                            Sampling sampling, List<Ballot> ballots, BigDecimal maxScore, String note) {
    }

    public record Assessment(@Required String code, @Required String name, @Required List<Cycle> cycles,
                             @Required List<SubjectKind> subjects, @Required List<Component> components,
                             TieRule tie, Period rankingPublished, String note) {
    }

    public record Part(@Required String assessment, @Required BigDecimal weight) {
    }

    public record Composite(@Required String code, @Required String name, @Required List<Cycle> cycles,
                            @Required List<Part> parts, List<String> bonuses, List<String> vetoes,
                            boolean leaderCorrection, TieRule tie, String note) {
    }

    public enum BonusTrigger { COUNTY_RANKING_TOP, COMMENDATION, RANKING_RISE, LEADER_SPECIAL }

    /** Bonus points: {@code rankPoints} by rank (1st, 2nd, ...) or fixed {@code points}; none = decided case by case. */
    public record Bonus(@Required String code, @Required String name, @Required BonusTrigger trigger,
                        List<BigDecimal> rankPoints, BigDecimal points, String level, String note) {
    }

    public enum VetoTrigger { COUNTY_RANKING_BOTTOM, MAJOR_INCIDENT }

    /** Domains a veto may apply to; only the centrally mandated ones are legitimate (POLICY.md). */
    public enum VetoDomain {
        WORK_SAFETY(true), PUBLIC_SECURITY(true), ENVIRONMENT(true), CLEAN_GOVERNANCE(true),
        FAMILY_PLANNING(false), PETITIONS(false), ANY_ASSIGNED(false);

        private final boolean centrallyMandated;

        VetoDomain(boolean centrallyMandated) {
            this.centrallyMandated = centrallyMandated;
        }

        public boolean centrallyMandated() {
            return centrallyMandated;
        }
    }

    public record Veto(@Required String code, @Required String name, @Required VetoTrigger trigger,
                       Integer bottom, List<VetoDomain> domains, String note) {
    }

    // ------------------------------------------------------------------ boards (BOARD)

    public enum BoardKind { RED, BLACK, PEOPLE, DEEDS, GOLD, RESULTS, NOTICE }

    public enum Visibility { PUBLIC, INTERNAL }

    public record Board(@Required String code, @Required String name, @Required BoardKind kind,
                        @Required Period cadence, @Required Visibility visibility, Integer noticeDays,
                        Integer retentionDays, List<String> contents, List<String> levels, List<String> reportTo,
                        boolean namesBottomMembers, String note) {
    }

    // ------------------------------------------------------------------ consequences (ASSESS-11, FUND)

    public enum ConsequenceKind {
        GOLD_BOARD, ADMONISHMENT, COMMENDATION_LOSS, GRADE_QUOTA, GROUP_FUNDS, RANKING_RISE_REWARD,
        CLASS_RISE_REWARD, PROMOTION_BASIS, BONUS_LINK, PERFORMANCE_FILE
    }

    public record Consequence(@Required String code, @Required String name, @Required ConsequenceKind kind,
                              String basedOn, Integer topN, Integer bottomN, Long rewardFen,
                              boolean rewardIsMinimum, Integer places, Integer quotaPercent,
                              List<SubjectKind> subjects, String note) {
    }

    // ------------------------------------------------------------------ practices

    public record Practices(List<Meeting> meetings, List<Report> reports, DutyRoster dutyRoster, Leave leave,
                            Attendance attendance, WorkRecords workRecords, Lists lists, Plans plans,
                            Topics topics, Responsibility responsibility, List<Supervision> supervision,
                            List<Inspection> inspections, TrafficLight trafficLight, List<Competition> competitions,
                            GroupFunds groupFunds, Posts posts, Regulations regulations, List<Campaign> campaigns,
                            StageEvaluation stageEvaluation) {
    }

    /**
     * The standards of the quarterly stage evaluation (阶段性评估, LEDGER-6): the supervision group rates
     * an item against each standard that applies to its category; the overall rating is the worst of them.
     * Without standards the evaluation is one overall rating.
     */
    public record StageEvaluation(List<EvaluationStandard> standards, String note) {
    }

    /** One standard: code, name, what it checks, and the category codes it applies to (none: all categories). */
    public record EvaluationStandard(@Required String code, @Required String name, String checks,
                                     List<String> categories) {

        public boolean appliesTo(String categoryCode) {
            return categories == null || categories.isEmpty() || categories.contains(categoryCode);
        }
    }

    public record Meeting(@Required String code, @Required String name, @Required Period period, String when,
                          String chair, List<String> attendees, List<String> agenda, List<String> reports,
                          boolean writtenMaterial, String note) {
    }

    public record Report(@Required String code, @Required String name, @Required Period period, String from,
                         String to, List<String> contents, String note) {
    }

    public record DutyRoster(@Required Period period, @Required Integer minDeputySectionLeaders,
                             List<String> covers, boolean holidayDuty, String note) {
    }

    public record Leave(@Required Integer groupLeaderMaxDays, List<String> beyondApprovers,
                        boolean noLeaveInEmergency, String note) {
    }

    public enum AttendanceMode { BY_EXCEPTION, IMPORTED, COMPULSORY_SIGN_IN }

    public enum SpotCheck { SCHEDULED, RANDOM }

    public record Attendance(@Required AttendanceMode mode, List<SpotCheck> spotChecks, boolean reportFindings,
                             String note) {
    }

    public record WorkRecords(boolean daily, boolean publicDailyStatus, DayOfWeek weeklyPublication,
                              boolean monthSummary, String note) {
    }

    public record Lists(PowerList power, ResponsibilityList responsibility, ProblemList problems) {
    }

    public record PowerList(Integer items, boolean basisAndBody, String note) {
    }

    public record ResponsibilityList(boolean oneSubjectOnePerson, String note) {
    }

    public record ProblemList(List<String> sources, boolean measureAndDeadline, boolean closeOutWithEvidence,
                              String note) {
    }

    public record Plans(List<String> cascade, Commitments commitments, String note) {
    }

    public record Commitments(@Required Period period, List<String> kinds, boolean published, String note) {
    }

    public record Topics(List<String> kinds, List<String> steps, String note) {
    }

    public record Responsibility(List<String> letters, boolean reverseScheduling, boolean wallChart,
                                 boolean timeLimitedCompletion, boolean informationFeedback, boolean leaderQuery,
                                 String note) {
    }

    public record Supervision(@Required String code, @Required String name, @Required Period period, String by,
                              List<String> targets, boolean opinions, boolean closeOut, List<SpotCheck> spotChecks,
                              String note) {
    }

    public enum EvidenceKind { TEXT, FIGURES, PHOTOS }

    /** Photos: NONE, OPTIONAL evidence, REQUIRED upload, or COUNTED as evidence — the last two are flagged. */
    public enum PhotoRule { NONE, OPTIONAL, REQUIRED, COUNTED }

    public record Inspection(@Required String code, @Required String name, @Required Period period, String by,
                             List<EvidenceKind> records, @Required PhotoRule photos, Integer compareMonths,
                             String note) {
    }

    /** Green/yellow/red of an item (WORK-7): yellow within N working days of the due date or behind by a range of points. */
    /** escalateAfterWorkingDays: how long a reminder (催办) waits for a report before it goes one step up. */
    public record TrafficLight(@Required Integer yellowWithinWorkingDays, PointRange yellowPointsBehind,
                               boolean redWhenOverdue, BigDecimal redPointsBehind, Integer escalateAfterWorkingDays,
                               String note) {
    }

    public record Competition(@Required String code, @Required String name, @Required Period period,
                              String among, String organiser, Integer best, Integer last, Integer bottomMembers,
                              List<String> criteria, boolean publicNaming, String note) {
    }

    public record GroupFunds(boolean leaderDecides, Period releasedEvery, boolean proportionalToScore,
                             String note) {
    }

    public record Posts(Integer commandGroups, boolean competitiveSelection, List<String> selectionSteps,
                        Integer termYears, boolean backupHolder, String deputyAppointment, String note) {
    }

    public record Regulations(Integer count, Integer articles, boolean articleOnEachItem, String note) {
    }

    public record Campaign(@Required String code, @Required String name, List<String> steps, String note) {
    }
}
