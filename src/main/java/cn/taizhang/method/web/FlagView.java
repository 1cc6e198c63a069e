package cn.taizhang.method.web;

import cn.taizhang.method.ApprovalBasis;

/** One compliance flag as the card and the compliance page show it, translated. */
public record FlagView(String code, String title, String what, String rule, String compliant, String path, int line,
                       boolean effective, ApprovalBasis approval) {
}
