package cn.taizhang.board;

/**
 * A person named in an issue objected to an entry during its notice period (published in the
 * objection's transaction). The module the entry comes from may take the objection up as its own
 * record — scoring files it as an appeal of the score — and then links it with
 * {@link BoardDrafts#linkObjection} and settles it with {@link BoardDrafts#settleObjection}.
 *
 * @param sourceModule the module the entry comes from, as it was handed over
 * @param sourceId     the record in that module
 * @param personId     the person who objected (the person the entry names)
 */
public record BoardObjectionRaised(long tenantId, String issueCode, long objectionId, String sourceModule,
                                   String sourceId, long personId, String raisedBy, String text) {
}
