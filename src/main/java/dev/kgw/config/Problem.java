package dev.kgw.config;

/** One finding about a config file: where it is (a JSON path such as {@code $.endpoints[2].backend[0].host}) and why. */
public record Problem(Severity severity, String path, String message) {
    public enum Severity { ERROR, WARNING }

    /** The same finding as an error: {@code check --lint} tolerates no warning. */
    public Problem asError() { return new Problem(Severity.ERROR, path, message); }

    public String render(String file) {
        return (severity == Severity.ERROR ? "ERROR " : "WARNING ") + file + ": " + path + ": " + message;
    }
}
