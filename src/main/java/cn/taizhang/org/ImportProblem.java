package cn.taizhang.org;

/**
 * One thing wrong in an imported workbook, and where: sheet, row (as Excel numbers it) and column.
 * The message key and arguments are translated when shown.
 */
public record ImportProblem(String sheet, int row, String column, String messageKey, Object... args) {
}
