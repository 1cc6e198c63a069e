package cn.taizhang.method;

import java.util.List;

/**
 * The outcome of reading a method definition: the definition when it is valid, otherwise the
 * problems; and for a valid one, the compliance flags.
 */
public record MethodCheck(MethodDefinition definition, List<MethodProblem> problems, List<ComplianceFlag> flags) {

    public MethodCheck {
        problems = List.copyOf(problems);
        flags = List.copyOf(flags);
    }

    public boolean valid() {
        return definition != null && problems.isEmpty();
    }

    /** The definition, or an exception carrying the problems. */
    public MethodDefinition requireValid() {
        if (!valid()) {
            throw new InvalidMethodException(problems);
        }
        return definition;
    }
}
