package dev.kgw.proxy;

import java.util.List;
import java.util.stream.Collectors;

/** The errors of several backends of one endpoint; lura joins their messages with new lines. */
public final class MergeException extends RuntimeException {
    private final List<Throwable> errors;

    public MergeException(List<Throwable> errors) {
        super(errors.stream().map(MergeException::text).collect(Collectors.joining("\n")), null, false, false);
        this.errors = List.copyOf(errors);
    }

    public List<Throwable> errors() { return errors; }

    static String text(Throwable t) { return t.getMessage() == null ? t.toString() : t.getMessage(); }
}
