package cn.taizhang.method.web;

/** One reason a definition was refused, translated: where (path, line) and why. */
public record ProblemView(String path, int line, String code, String message) {
}
