package cn.taizhang.method;

import cn.taizhang.shared.DomainException;
import java.util.List;

/** A method definition was refused; {@link #problems()} says where and why. */
public class InvalidMethodException extends DomainException {

    private final transient List<MethodProblem> problems;

    public InvalidMethodException(List<MethodProblem> problems) {
        super("method.invalid", String.valueOf(problems.size()));
        this.problems = List.copyOf(problems);
    }

    public List<MethodProblem> problems() {
        return problems;
    }
}
