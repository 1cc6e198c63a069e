package cn.taizhang.work.domain;

/** The traffic light of an item (WORK-7); NONE while it is a draft and once it is finished. */
public enum Light {
    NONE, GREEN, YELLOW, RED;

    public String messageKey() {
        return "work.light." + name();
    }
}
