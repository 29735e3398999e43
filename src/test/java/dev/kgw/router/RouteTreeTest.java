package dev.kgw.router;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RouteTreeTest {

    private static RouteTree<String> tree(String... methodAndPaths) {
        RouteTree<String> t = new RouteTree<>();
        for (String mp : methodAndPaths) {
            String[] p = mp.split(" ");
            t.add(p[0], p[1], mp);
        }
        return t;
    }

    private static String handler(RouteTree<String> t, String method, String path) {
        RouteTree.Match<String> m = t.find(method, path);
        return m == null ? null : m.handler();
    }

    @Test
    void staticBeatsParamBeatsCatchAll() {
        RouteTree<String> t = tree("GET /files/readme", "GET /files/{name}", "GET /files/*");

        assertEquals("GET /files/readme", handler(t, "GET", "/files/readme"));
        assertEquals("GET /files/{name}", handler(t, "GET", "/files/other"));
        assertEquals("GET /files/*", handler(t, "GET", "/files/a/b"));
        assertEquals(Map.of("*", "/a/b"), t.find("GET", "/files/a/b").params());
    }

    @Test
    void searchBacktracksFromAStaticDeadEnd() {
        RouteTree<String> t = tree("GET /x/search/all", "GET /x/{id}/detail", "GET /x/*");

        RouteTree.Match<String> m = t.find("GET", "/x/search/detail");
        assertEquals("GET /x/{id}/detail", m.handler());
        assertEquals(Map.of("id", "search"), m.params());
        assertEquals("/x/{id}/detail", m.pattern());

        RouteTree.Match<String> all = t.find("GET", "/x/search/nothing/here");
        assertEquals("GET /x/*", all.handler());
        assertEquals(Map.of("*", "/search/nothing/here"), all.params(), "no param left over from dead ends");
    }

    @Test
    void paramsAreExtractedRaw() {
        RouteTree<String> t = tree("GET /users/{id}/posts/{post}");

        assertEquals(Map.of("id", "a%2Fb", "post", "x%20y"), t.find("GET", "/users/a%2Fb/posts/x%20y").params());
    }

    @Test
    void emptySegmentDoesNotMatchAParam() {
        RouteTree<String> t = tree("GET /users/{id}");

        assertNull(t.find("GET", "/users/"));
        assertNull(t.find("GET", "/users"));
        assertNull(t.find("POST", "/users/1"));
    }

    @Test
    void trailingSlashRedirectTarget() {
        RouteTree<String> t = tree("GET /__debug/*", "GET /plain");

        assertNull(t.find("GET", "/__debug"));
        assertEquals("/__debug/", t.trailingSlashRedirect("GET", "/__debug"));
        assertEquals("/plain", t.trailingSlashRedirect("GET", "/plain/"));
        assertNull(t.trailingSlashRedirect("GET", "/missing"));
        assertNull(t.trailingSlashRedirect("POST", "/plain/"));
    }

    @Test
    void fixedPathIsCaseInsensitiveAndCleaned() {
        RouteTree<String> t = tree("GET /static", "GET /api/{id}/Info");

        assertEquals("/static", t.fixedPathRedirect("GET", "/StAtic"));
        assertEquals("/static", t.fixedPathRedirect("GET", "/a/..//STATIC"));
        assertEquals("/api/Keep/Info", t.fixedPathRedirect("GET", "/API/Keep/info"));
        assertNull(t.fixedPathRedirect("GET", "/static"), "already right: no redirect");
        assertNull(t.fixedPathRedirect("GET", "/nothing"));
    }

    @Test
    void allowedListsMethodsOfTheExactPath() {
        RouteTree<String> t = tree("GET /a", "POST /a", "PUT /a/{id}");

        assertEquals(Set.of("GET", "POST"), t.allowed("/a"));
        assertEquals(Set.of("PUT"), t.allowed("/a/1"));
        assertTrue(t.allowed("/b").isEmpty());
    }

    @Test
    void differentParamNamesAtOnePlaceConflictWithinOneMethod() {
        RouteTree<String> t = tree("GET /users/{id}");

        RouteConflictException e = assertThrows(RouteConflictException.class,
                () -> t.add("GET", "/users/{name}/x", "h"));
        assertTrue(e.getMessage().contains("{name}") && e.getMessage().contains("{id}"), e.getMessage());
        assertDoesNotThrow(() -> t.add("GET", "/users/{id}/x", "h"));
    }

    @Test
    void methodsHaveTreesOfTheirOwnSoParamNamesMayDiffer() {
        RouteTree<String> t = tree("GET /c/{communityID}");

        assertDoesNotThrow(() -> t.add("POST", "/c/{userID}", "POST /c/{userID}"));
        assertDoesNotThrow(() -> t.add("PUT", "/c/{other}/x", "PUT /c/{other}/x"));
        assertEquals(Map.of("communityID", "7"), t.find("GET", "/c/7").params());
        assertEquals(Map.of("userID", "7"), t.find("POST", "/c/7").params());
        assertEquals("PUT /c/{other}/x", handler(t, "PUT", "/c/7/x"));
        assertNull(t.find("GET", "/c/7/x"));
    }

    @Test
    void allowedLooksIntoEveryMethodsTree() {
        RouteTree<String> t = tree("GET /c/{communityID}", "POST /c/{userID}", "DELETE /c/{id}/x");

        assertEquals(Set.of("GET", "POST"), t.allowed("/c/1"));
        assertEquals(Set.of("DELETE"), t.allowed("/c/1/x"));
        assertNull(t.find("PATCH", "/c/1"), "a method without any route");
        assertNull(t.fixedPathRedirect("PATCH", "/C/1"));
    }

    @Test
    void sameMethodAndPathTwiceConflicts() {
        RouteTree<String> t = tree("GET /a/{id}");

        RouteConflictException e = assertThrows(RouteConflictException.class, () -> t.add("GET", "/a/{id}", "h"));
        assertTrue(e.getMessage().contains("/a/{id}"), e.getMessage());
        assertDoesNotThrow(() -> t.add("POST", "/a/{id}", "h"));
    }

    @Test
    void catchAllMustBeLast() {
        assertThrows(RouteConflictException.class, () -> tree("GET /a/*/b"));
    }

    @Test
    void manyEndpointsStillFindTheRightOne() {
        RouteTree<Integer> t = new RouteTree<>();
        for (int i = 0; i < 10_000; i++) {
            t.add("GET", "/svc" + i + "/items/{id}", i);
            t.add("POST", "/svc" + i + "/items", -i);
        }

        RouteTree.Match<Integer> m = t.find("GET", "/svc9876/items/42");
        assertEquals(9876, m.handler());
        assertEquals(Map.of("id", "42"), m.params());
        assertEquals(-1234, t.find("POST", "/svc1234/items").handler());
        assertNull(t.find("GET", "/svc10000/items/1"));
    }
}
