package cn.taizhang.work.domain;

import java.util.Arrays;
import java.util.List;

/**
 * A column of the ledger workbook (台账) in the order the export writes them. The importable ones are
 * read back by an import; the others (current deadline, light, progress, reports) are what the
 * product computes and an import ignores. {@code headers} are the column titles townships use for it,
 * the first being the one the export writes; {@code field} names the field of a new item a refusal
 * of the domain points at, so that it is reported at this column.
 */
public enum LedgerColumn {
    CODE(true, false, null, "编号", "台账编号", "事项编号"),
    TITLE(true, true, "title", "事项名称", "工作事项", "事项", "任务名称", "工作任务", "督办事项"),
    CATEGORY(true, true, "categoryCode", "类别", "事项类别", "工作类别", "类型"),
    SOURCE(true, true, "source", "来源", "事项来源", "任务来源"),
    LEAD_UNIT(true, true, "leadUnitId", "牵头单位", "责任单位", "牵头部门", "责任部门", "主办单位"),
    ASSIST_UNITS(true, false, "assistUnitIds", "协办单位", "配合单位", "协助单位", "协办部门"),
    RESPONSIBLE(true, true, "responsiblePersonId", "责任人", "具体责任人", "经办人"),
    SUPERVISING_LEADER(true, false, "supervisingLeaderId", "分管领导", "包抓领导", "督办领导", "联系领导"),
    LEADER(true, false, "leaderId", "领导小组组长", "组长"),
    DEPUTIES(true, false, "deputyIds", "领导小组副组长", "副组长"),
    SUPERVISOR_DEPUTY(true, false, "supervisorIndex", "督考副组长", "督查考核副组长"),
    START_DATE(true, true, "startDate", "开始日期", "开始时间", "交办日期", "启动时间"),
    ORIGINAL_DEADLINE(false, false, null, "原定期限"),
    DEADLINE(true, true, "deadline", "当前期限", "期限", "完成时限", "完成期限", "截止日期", "办结时限", "原定期限"),
    EXTENSIONS(false, false, null, "延期次数"),
    STATE(true, false, null, "状态", "办理状态", "事项状态"),
    LIGHT(false, false, null, "灯号"),
    PROGRESS(false, false, null, "进度"),
    LAST_REPORT_DATE(false, false, null, "最近报告日期"),
    LAST_REPORT_TEXT(false, false, null, "最近报告内容"),
    TARGET(true, true, "target", "工作目标", "目标任务", "目标要求", "工作内容", "任务内容"),
    MEASURES(true, false, "measures", "工作措施", "具体措施", "推进措施"),
    REPORT_FREQUENCY(true, false, "reportFrequency", "报送频次", "报告频次"),
    SYSTEM_ID(false, false, null, "系统编号");

    private final boolean importable;
    private final boolean required;
    private final String field;
    private final List<String> headers;

    LedgerColumn(boolean importable, boolean required, String field, String... headers) {
        this.importable = importable;
        this.required = required;
        this.field = field;
        this.headers = List.of(headers);
    }

    public boolean importable() {
        return importable;
    }

    /** Must be mapped to a column and filled in every row. */
    public boolean required() {
        return required;
    }

    /** The column title the export writes. */
    public String header() {
        return headers.get(0);
    }

    public List<String> headers() {
        return headers;
    }

    public String messageKey() {
        return "ledgerxls.column." + name();
    }

    public static List<LedgerColumn> importables() {
        return Arrays.stream(values()).filter(LedgerColumn::importable).toList();
    }

    /** The column a domain refusal at {@code field} belongs to, or null. */
    static LedgerColumn ofField(String field) {
        return field == null ? null
                : Arrays.stream(values()).filter(c -> field.equals(c.field)).findFirst().orElse(null);
    }
}
