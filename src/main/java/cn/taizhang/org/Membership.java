package cn.taizhang.org;

import java.time.LocalDate;

/**
 * A person's place in a group or command group (ORG-3).
 *
 * @param basis     how the post was filled: {@code APPOINTED}, {@code COMMITTEE_APPROVED} (a deputy the
 *                  leader recommended and the party committee approved) or {@code COMPETITIVE_SELECTION}
 *                  (竞聘上岗, with a one-year term in haiyong)
 * @param termEnd   the end of the term, when there is one
 */
public record Membership(long id, long unitId, long personId, String personName, GroupRole role, String basis,
                         String basisNote, LocalDate termEnd, boolean active) {
}
