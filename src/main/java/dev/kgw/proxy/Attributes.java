package dev.kgw.proxy;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * What the stages of one request tell each other, by typed key: the claims a JWT validator checked, for
 * {@code {JWT.sub}} in a {@code url_pattern}, for propagated claim headers and for CEL. Created only when a stage
 * writes the first attribute, so a request no stage annotates allocates nothing. Read and written on the request's
 * event loop only.
 */
public final class Attributes {
    private final Map<Key<?>, Object> values = new IdentityHashMap<>(4);

    /** A typed name; compared by identity, so two namespaces never collide on a string. */
    public static final class Key<T> {
        private final String name;
        private final Class<T> type;

        private Key(String name, Class<T> type) {
            this.name = name;
            this.type = type;
        }

        public static <T> Key<T> of(String name, Class<T> type) { return new Key<>(name, type); }

        public String name() { return name; }

        @Override public String toString() { return name; }
    }

    public <T> T get(Key<T> key) { return key.type.cast(values.get(key)); }

    public <T> Attributes put(Key<T> key, T value) {
        values.put(key, key.type.cast(value));
        return this;
    }

    public boolean isEmpty() { return values.isEmpty(); }
}
