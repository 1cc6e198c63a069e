package cn.taizhang.method;

import java.util.List;

/** One of the five presets shipped with Taizhang: its YAML text, parsed definition and compliance flags. */
public record Preset(String code, String yaml, MethodDefinition definition, List<ComplianceFlag> flags) {
}
