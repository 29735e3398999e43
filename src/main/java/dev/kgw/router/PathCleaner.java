package dev.kgw.router;

import java.util.ArrayDeque;
import java.util.Deque;

/** Go's {@code path.Clean} as gin applies it before the fixed-path redirect: no {@code //}, {@code .}, {@code ..}. */
final class PathCleaner {
    private PathCleaner() {}

    static String clean(String p) {
        if (p.isEmpty()) return "/";
        boolean trailing = p.endsWith("/") && p.length() > 1;
        Deque<String> parts = new ArrayDeque<>();
        for (String s : p.split("/")) {
            if (s.isEmpty() || s.equals(".")) continue;
            if (s.equals("..")) {
                if (!parts.isEmpty()) parts.removeLast();
                continue;
            }
            parts.addLast(s);
        }
        String out = "/" + String.join("/", parts);
        if (trailing && !out.equals("/")) out += "/";
        return out;
    }
}
