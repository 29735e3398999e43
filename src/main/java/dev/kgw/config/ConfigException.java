package dev.kgw.config;

import java.util.List;
import java.util.stream.Collectors;

/** A config that cannot run; carries every error found, each with the file and its JSON path. */
public final class ConfigException extends RuntimeException {
    private final String file;
    private final List<Problem> problems;

    public ConfigException(String file, List<Problem> problems) {
        super(problems.stream().map(p -> p.render(file)).collect(Collectors.joining("\n")));
        this.file = file;
        this.problems = List.copyOf(problems);
    }

    public static ConfigException single(String file, String path, String message) {
        return new ConfigException(file, List.of(new Problem(Problem.Severity.ERROR, path, message)));
    }

    public String file() { return file; }

    public List<Problem> problems() { return problems; }
}
