package cn.taizhang.org;

/** The kinds of unit in a township's org tree, as the seeds name them (ORG-1). */
public enum UnitKind {
    /** 乡镇/街道本级: the root of a township's tree. */
    TOWNSHIP,
    /** 县直部门本级: the root of a department's tree. */
    DEPARTMENT,
    /** 领导班子. */
    LEADERSHIP_TEAM,
    /** 二级机构/办公室/科室. */
    OFFICE,
    /** 组 (huaqiao's 城建组, 计生组, 政法组, 效能建设组 …). */
    GROUP,
    /** 指挥组 (haiyong's seven command groups, the efficiency supervision command group). */
    COMMAND_GROUP,
    /** 镇直单位. */
    TOWN_UNIT,
    /** 驻镇单位. */
    STATIONED_UNIT,
    /** 村. */
    VILLAGE,
    /** 社区/居委会. */
    COMMUNITY;

    /** Groups and command groups have a leader, deputies and members (ORG-3). */
    public boolean isGroup() {
        return this == GROUP || this == COMMAND_GROUP;
    }

    public boolean isRoot() {
        return this == TOWNSHIP || this == DEPARTMENT;
    }

    public String messageKey() {
        return "unitKind." + name();
    }
}
