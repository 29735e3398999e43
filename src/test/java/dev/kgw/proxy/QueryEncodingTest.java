package dev.kgw.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Expected strings are what Go's {@code url.Values.Encode()} prints for the same values. */
class QueryEncodingTest {

    @Test
    void keysAreSortedAndValuesKeepTheirOrder() {
        Map<String, List<String>> q = new LinkedHashMap<>();
        q.put("b", List.of("2"));
        q.put("a", List.of("z", "y"));
        q.put("B", List.of("upper"));

        assertEquals("B=upper&a=z&a=y&b=2", QueryEncoding.encode(q));
    }

    @Test
    void escapesLikeQueryEscape() {
        assertEquals("k=a+b%2Fc%3Fd%26e%3Df%2B-_.~", QueryEncoding.encode(Map.of("k", List.of("a b/c?d&e=f+-_.~"))));
        assertEquals("caf%C3%A9=%E2%82%AC", QueryEncoding.encode(Map.of("café", List.of("€"))));
        assertEquals("a%5B%5D=%25", QueryEncoding.encode(Map.of("a[]", List.of("%"))));
    }

    @Test
    void emptyValuesAndEmptyQuery() {
        assertEquals("a=", QueryEncoding.encode(Map.of("a", List.of(""))));
        assertEquals("", QueryEncoding.encode(Map.of()));
    }
}
