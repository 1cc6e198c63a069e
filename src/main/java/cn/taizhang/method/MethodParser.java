package cn.taizhang.method;

/** Reads a YAML method definition: binds it, validates it and, when valid, checks its compliance. */
final class MethodParser {

    private MethodParser() {
    }

    static MethodCheck parse(String yaml) {
        var bound = MethodBinder.bind(yaml);
        if (!bound.problems().isEmpty()) {
            return new MethodCheck(null, bound.problems(), java.util.List.of());
        }
        var problems = MethodValidator.validate(bound.definition(), bound.lines());
        if (!problems.isEmpty()) {
            return new MethodCheck(null, problems, java.util.List.of());
        }
        return new MethodCheck(bound.definition(), problems, ComplianceCheck.check(bound.definition(), bound.lines()));
    }
}
