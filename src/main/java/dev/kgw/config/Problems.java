package dev.kgw.config;

import java.util.ArrayList;
import java.util.List;

/** Collects every problem of a config instead of stopping at the first, so {@code check} can list them all. */
public final class Problems {
    private final List<Problem> all = new ArrayList<>();

    public void error(String path, String message) { all.add(new Problem(Problem.Severity.ERROR, path, message)); }

    public void warn(String path, String message) { all.add(new Problem(Problem.Severity.WARNING, path, message)); }

    public List<Problem> all() { return List.copyOf(all); }

    public List<Problem> errors() {
        return all.stream().filter(p -> p.severity() == Problem.Severity.ERROR).toList();
    }

    public List<Problem> warnings() {
        return all.stream().filter(p -> p.severity() == Problem.Severity.WARNING).toList();
    }

    public boolean hasErrors() { return all.stream().anyMatch(p -> p.severity() == Problem.Severity.ERROR); }
}
