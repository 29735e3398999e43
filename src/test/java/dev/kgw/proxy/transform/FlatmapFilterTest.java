package dev.kgw.proxy.transform;

import static dev.kgw.proxy.transform.TestData.copy;
import static dev.kgw.proxy.transform.TestData.l;
import static dev.kgw.proxy.transform.TestData.m;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FlatmapFilterTest {

    private static FlatmapFilter ops(FlatmapFilter.Op... ops) {
        return new FlatmapFilter(List.of(ops));
    }

    private static FlatmapFilter.Op move(String src, String dst) {
        return FlatmapFilter.Op.of("move", src, dst);
    }

    private static FlatmapFilter.Op del(String... paths) {
        return FlatmapFilter.Op.of("del", paths);
    }

    private static FlatmapFilter.Op append(String src, String dst) {
        return FlatmapFilter.Op.of("append", src, dst);
    }

    // --- the brief's acceptance case ------------------------------------------------------

    @Test
    void renamesCollectionDropsFieldAndRenamesFieldOfEveryElement() {
        List<Object> collection = new ArrayList<>();
        List<Object> expectedPaths = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            collection.add(m("path", "/collection/2", "i", i));
            expectedPaths.add(m("url", "/collection/2"));
        }
        FlatmapFilter f = ops(move("collection", "paths"), del("paths.*.i"), move("paths.*.path", "paths.*.url"));
        assertEquals(m("paths", expectedPaths), f.apply(m("collection", collection)));
    }

    // --- lura TestNewFlatmapMiddleware ------------------------------------------------------

    @Test
    void luraMiddlewareScenario() {
        Map<String, Object> sub = m("b", true, "c", 42, "d", "tupu", "e", l(1, 2, 3, 4));
        Map<String, Object> in = m("supu", 42, "tupu", false, "foo", "bar", "a", sub,
                "collection", l(sub, sub, sub, sub),
                "y", l(0, 1, 2, 3, 4, 5, 6),
                "z", l(10, 11, 12, 13, 14, 15, 16));
        FlatmapFilter f = ops(del("c"), append("y", "z"), move("supu", "SUPUUUUU"), move("a.b", "a.BOOOOO"),
                del("collection.*.b"), del("collection.*.d"), del("collection.*.e"),
                move("collection.*.c", "collection.*.x"));
        Map<String, Object> expected = m("SUPUUUUU", 42, "tupu", false, "foo", "bar",
                "a", m("BOOOOO", true, "c", 42, "d", "tupu", "e", l(1, 2, 3, 4)),
                "collection", l(m("x", 42), m("x", 42), m("x", 42), m("x", 42)),
                "z", l(10, 11, 12, 13, 14, 15, 16, 0, 1, 2, 3, 4, 5, 6));
        assertEquals(expected, f.apply(in));
    }

    // --- del (flatmap tree TestTree_Del) --------------------------------------------------

    static Stream<Arguments> delCases() {
        return Stream.of(
                Arguments.of("unknown", "abc", m("supu", 42, "tupu", false), m("supu", 42, "tupu", false)),
                Arguments.of("empty array is kept", "data.*.password", m("data", l()), m("data", l())),
                Arguments.of("empty object is kept", "data.*.password", m("data", m()), m("data", m())),
                Arguments.of("plain", "supu", m("supu", 42, "tupu", false), m("tupu", false)),
                Arguments.of("element in object", "internal.supu",
                        m("internal", m("supu", 42, "tupu", false), "tupu", false),
                        m("internal", m("tupu", false), "tupu", false)),
                Arguments.of("wildcard over object keys", "a.*.supu",
                        m("a", m("first", m("supu", 42, "tupu", false), "0", m("supu", 42, "tupu", true),
                                "last", m("supu", 42, "tupu", false)), "tupu", false),
                        m("a", m("first", m("tupu", false), "0", m("tupu", true), "last", m("tupu", false)),
                                "tupu", false)),
                Arguments.of("whole object", "internal",
                        m("internal", m("supu", 42, "tupu", false), "tupu", false), m("tupu", false)),
                Arguments.of("element in nested object", "internal.internal.supu",
                        m("internal", m("supu", 42, "tupu", false, "internal", m("supu", 42, "tupu", false)),
                                "tupu", false),
                        m("internal", m("supu", 42, "tupu", false, "internal", m("tupu", false)), "tupu", false)),
                Arguments.of("similar names", "a.a.a",
                        m("a", m("a", m("a", m("a", 1), "aa", 1), "aa", 1), "tupu", false),
                        m("a", m("a", m("aa", 1), "aa", 1), "tupu", false)),
                Arguments.of("attribute of every element", "a.*.a",
                        m("a", l(m("a", m("a", m("a", 1), "aa", 1), "aa", 1), m("a", 42, "aa", 1)), "tupu", false),
                        m("a", l(m("aa", 1), m("aa", 1)), "tupu", false)),
                Arguments.of("nested collections", "a.*.b.*.c",
                        m("a", l(
                                m("b", l(m("c", m("a", 1), "aa", 1), m("c", m("a", 2), "aa", 1)), "aa", 1),
                                m("b", l(m("c", m("a", 1), "aa", 1)), "aa", 1)), "tupu", false),
                        m("a", l(
                                m("b", l(m("aa", 1), m("aa", 1)), "aa", 1),
                                m("b", l(m("aa", 1)), "aa", 1)), "tupu", false)),
                Arguments.of("path below a scalar", "tupu.x", m("tupu", false), m("tupu", false)),
                Arguments.of("wildcard below a scalar", "tupu.*", m("tupu", false), m("tupu", false)),
                Arguments.of("array element by index", "a.1", m("a", l(1, 2, 3)), m("a", l(1, 3))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("delCases")
    void del(String name, String path, Map<String, Object> in, Map<String, Object> expected) {
        assertEquals(expected, ops(del(path)).apply(in));
    }

    @Test
    void largeCollectionAttribute() {
        List<Object> in = new ArrayList<>();
        List<Object> expected = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            in.add(m("a", i % 2 + 1, "aa", 1));
            expected.add(m("aa", 1));
        }
        assertEquals(m("a", expected, "tupu", false), ops(del("a.*.a")).apply(m("a", in, "tupu", false)));
    }

    @Test
    void objectsEmptiedByDelBecomeNull() { // flatmap tree ExampleNew
        Map<String, Object> in = m("collection2", l(
                m("d", l(m("a", 1, "d", l(1, 2)), m("d", l(1, 2)), m("d", l(1, 2)))),
                m("d", l(1, 2))));
        Map<String, Object> expected = m("collection2", l(
                m("d", Arrays.asList(m("a", 1), null, null)),
                m("d", l(1, 2))));
        assertEquals(expected, ops(del("collection2.*.d.*.d")).apply(in));
    }

    @Test
    void trailingWildcardEmptiesTheContainerToNull() {
        Map<String, Object> out = ops(del("a.*")).apply(m("a", l(1, 2), "b", 1));
        assertTrue(out.containsKey("a"));
        assertNull(out.get("a"));
        assertEquals(1, out.get("b"));
    }

    @Test
    void arrayIndexesKeepTheirOriginalLabelsAfterADelete() {
        // after removing element 0, the old element 1 is still addressed as "1", and "0" matches nothing
        assertEquals(m("a", l(30)), ops(del("a.0"), del("a.0"), del("a.1")).apply(m("a", l(10, 20, 30))));
    }

    @Test
    void delWithSeveralArgs() {
        assertEquals(m("c", 3), ops(del("a", "b")).apply(m("a", 1, "b", 2, "c", 3)));
    }

    @Test
    void deletingEverythingGivesAnEmptyObject() {
        // lura ends with a nil map here; an empty map is returned instead (documented divergence)
        assertEquals(Map.of(), ops(del("a")).apply(m("a", 1)));
    }

    // --- move (flatmap tree TestTree_Move) -------------------------------------------------

    static Stream<Arguments> moveCases() {
        Map<String, Object> structWithWildcard = m("c", 42, "b", m(
                "first", m("c", m("d", 42)),
                "last", m("m", 42, "c", m("d", 42))));
        Map<String, Object> collection = m("a", l(
                m("b", l(m("c", m("a", 1), "aa", 1), m("c", m("a", 2), "aa", 1)), "aa", 1),
                m("b", l(m("c", m("a", 1), "aa", 1)), "aa", 1)), "tupu", false);
        return Stream.of(
                Arguments.of("plain", "a", "b", m("a", 42), m("b", 42)),
                Arguments.of("in object", "b.a", "b.c", m("a", 1, "b", m("a", 42)), m("a", 1, "b", m("c", 42))),
                Arguments.of("in object, deeper", "b.a", "b.b.a.b.a.b.c", m("a", 1, "b", m("a", 42)),
                        m("a", 1, "b", m("b", m("a", m("b", m("a", m("b", m("c", 42)))))))),
                Arguments.of("out of object leaves null behind", "b.a", "c", m("a", 1, "b", m("a", 42)),
                        m("a", 1, "b", null, "c", 42)),
                Arguments.of("wildcard over object keys", "b.*.c", "b.*.x", copy(structWithWildcard),
                        m("c", 42, "b", m("first", m("x", m("d", 42)), "last", m("m", 42, "x", m("d", 42))))),
                Arguments.of("wildcard, deeper", "b.*.c", "b.*.c.b.x", copy(structWithWildcard),
                        m("c", 42, "b", m(
                                "first", m("c", m("b", m("x", m("d", 42)))),
                                "last", m("m", 42, "c", m("b", m("x", m("d", 42))))))),
                Arguments.of("from collection", "b.*.c", "b.*.x",
                        m("a", 42, "b", l(m("c", 42), m("c", m("d", 42)))),
                        m("a", 42, "b", l(m("x", 42), m("x", m("d", 42))))),
                Arguments.of("out of nested object", "b.b", "c",
                        m("a", 42, "b", m("a", 42, "bb", true, "b", m("a", 42))),
                        m("a", 42, "b", m("a", 42, "bb", true), "c", m("a", 42))),
                Arguments.of("rename array in every element", "a.*.b", "a.*.c", copy(collection),
                        m("a", l(
                                m("c", l(m("c", m("a", 1), "aa", 1), m("c", m("a", 2), "aa", 1)), "aa", 1),
                                m("c", l(m("c", m("a", 1), "aa", 1)), "aa", 1)), "tupu", false)),
                Arguments.of("nested wildcards", "a.*.b.*.c", "a.*.b.*.x", copy(collection),
                        m("a", l(
                                m("b", l(m("x", m("a", 1), "aa", 1), m("x", m("a", 2), "aa", 1)), "aa", 1),
                                m("b", l(m("x", m("a", 1), "aa", 1)), "aa", 1)), "tupu", false)),
                Arguments.of("missing source", "nope.x", "y", m("a", 1), m("a", 1)),
                Arguments.of("wildcard over scalar", "a.*.x", "a.*.y", m("a", 1), m("a", 1)),
                Arguments.of("single element by index", "a.1.v", "a.1.w",
                        m("a", l(m("v", 1), m("v", 2))), m("a", l(m("v", 1), m("w", 2)))),
                Arguments.of("element out of an array", "a.0", "first",
                        m("a", l(m("v", 1), m("v", 2))), m("a", l(m("v", 2)), "first", m("v", 1))),
                Arguments.of("lift out of a child in every element", "a.*.b.c", "a.*.c",
                        m("a", l(m("b", m("c", 1)), m("b", m("c", 2)))),
                        m("a", l(m("b", null, "c", 1), m("b", null, "c", 2)))),
                Arguments.of("same depth only renames the last segment", "a.b", "x.y",
                        m("a", m("b", 1)), m("a", m("y", 1))),
                Arguments.of("deeper destination nests below the source parent", "a.b", "x.y.z",
                        m("a", m("b", 1)), m("a", m("y", m("z", 1)))),
                Arguments.of("shallower destination stops at the deepest existing ancestor", "a.b.c", "q.d",
                        m("a", m("b", m("c", 1, "k", 2))), m("a", m("b", m("k", 2)), "d", 1)),
                Arguments.of("shallower destination does not skip a missing ancestor", "a.b.c.d", "q.b.e",
                        m("a", m("b", m("c", m("d", 1, "k", 2))), "b", m("x", 1)),
                        m("a", m("b", m("c", m("k", 2))), "b", m("x", 1), "e", 1)),
                Arguments.of("nesting into an array adds an element", "x", "list.extra",
                        m("x", 5, "list", l(1, 2)), m("list", l(1, 2, 5))),
                Arguments.of("trailing wildcard in source matches nothing", "a.*", "b.*",
                        m("a", l(1)), m("a", l(1))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("moveCases")
    void move(String name, String src, String dst, Map<String, Object> in, Map<String, Object> expected) {
        assertEquals(expected, ops(move(src, dst)).apply(in));
    }

    // --- append (flatmap tree TestTree_Append) -------------------------------------------

    static Stream<Arguments> appendCases() {
        return Stream.of(
                Arguments.of("plain", "a", "b", m("a", l(42), "b", l(1)), m("b", l(1, 42))),
                Arguments.of("into empty array", "a", "b", m("a", l(1, 2), "b", l()), m("b", l(1, 2))),
                Arguments.of("empty array", "a", "b", m("a", l(), "b", l(1)), m("b", l(1))),
                Arguments.of("scalar source is ignored", "a", "b", m("a", 1, "b", l(1)), m("a", 1, "b", l(1))),
                Arguments.of("scalar destination is ignored", "a", "b", m("a", l(1), "b", 1), m("a", l(1), "b", 1)),
                Arguments.of("missing destination is ignored", "a", "b", m("a", l(1)), m("a", l(1))),
                Arguments.of("missing source is ignored", "a", "b", m("b", l(1)), m("b", l(1))),
                Arguments.of("object source is ignored", "a", "b", m("a", m("x", 1), "b", l(1)),
                        m("a", m("x", 1), "b", l(1))),
                Arguments.of("arrays of objects", "a.items", "b",
                        m("a", m("items", l(m("id", 2))), "b", l(m("id", 1))),
                        m("a", null, "b", l(m("id", 1), m("id", 2)))),
                // a wildcard source collects one value per element, then deletes them
                Arguments.of("wildcard source", "a.*.v", "all",
                        m("a", l(m("v", 1), m("v", 2)), "all", l(0)),
                        m("a", Arrays.asList(null, null), "all", l(0, 1, 2))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("appendCases")
    void append(String name, String src, String dst, Map<String, Object> in, Map<String, Object> expected) {
        assertEquals(expected, ops(append(src, dst)).apply(in));
    }

    @Test
    void appendAfterIndexDeleteMergesByOriginalLabels() {
        // the destination is re-flattened by index over its surviving labels "0" and "2":
        // index 1 becomes a new trailing element and index 2 overwrites the old element 2
        FlatmapFilter f = ops(del("a.1"), append("b", "a"));
        assertEquals(m("a", l(10, 40, 30)), f.apply(m("a", l(10, 20, 30), "b", l(40))));
    }

    // --- general contract -----------------------------------------------------------------

    @Test
    @SuppressWarnings("unchecked")
    void inputIsNotModified() {
        Map<String, Object> in = m("a", l(m("x", 1, "y", 2)), "b", m("c", 1), "e", m());
        Map<String, Object> snapshot = copy(in);
        Map<String, Object> out = ops(del("a.*.x", "b.c"), move("e", "f")).apply(in);
        assertEquals(snapshot, in);
        assertEquals(m("a", l(m("y", 2)), "b", null, "f", m()), out);
        // the result is independently mutable
        ((Map<String, Object>) out.get("f")).put("z", 1);
        assertEquals(m(), in.get("e"));
    }

    @Test
    void noOperationsReturnsTheInputItself() {
        Map<String, Object> in = m("a", 1);
        assertSame(in, new FlatmapFilter(List.of()).apply(in));
    }

    @Test
    void nullDataStaysNull() {
        assertNull(ops(del("a")).apply(null));
    }

    @Test
    void emptyInputStaysEmpty() {
        assertEquals(Map.of(), ops(move("a", "b"), del("c")).apply(m()));
    }

    @Test
    void emptyPathSegmentsAreRealKeys() {
        assertEquals(m("a", m("x", 2)), ops(del("a.")).apply(m("a", m("", 1, "x", 2))));
    }

    @Test
    void nullAndOpaqueScalarsSurvive() {
        Object opaque = new java.math.BigInteger("123456789012345678901234567890");
        Map<String, Object> out = ops(move("n", "m")).apply(m("n", null, "o", opaque));
        assertTrue(out.containsKey("m"));
        assertNull(out.get("m"));
        assertSame(opaque, out.get("o"));
    }

    // --- validation -----------------------------------------------------------------------

    @Test
    void unknownTypeIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ops(del("a"), FlatmapFilter.Op.of("copy", "a", "b")));
        assertTrue(e.getMessage().contains("#1") && e.getMessage().contains("copy"), e.getMessage());
    }

    @Test
    void wrongArgCountIsRejected() {
        IllegalArgumentException e1 = assertThrows(IllegalArgumentException.class, () -> ops(FlatmapFilter.Op.of("move", "a")));
        assertTrue(e1.getMessage().contains("exactly 2"), e1.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ops(FlatmapFilter.Op.of("append", "a", "b", "c")));
        IllegalArgumentException e2 = assertThrows(IllegalArgumentException.class, () -> ops(FlatmapFilter.Op.of("del")));
        assertTrue(e2.getMessage().contains("at least 1"), e2.getMessage());
    }

    @Test
    void missingArgsOrTypeIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> ops(new FlatmapFilter.Op("del", null)));
        assertThrows(IllegalArgumentException.class, () -> ops(new FlatmapFilter.Op(null, List.of("a"))));
        assertThrows(IllegalArgumentException.class, () -> ops(new FlatmapFilter.Op("del", Arrays.asList("a", null))));
    }

    @Test
    void parsesRawConfig() {
        Object raw = l(m("type", "move", "args", l("collection", "paths")), m("type", "del", "args", l("paths.*.i")));
        FlatmapFilter f = FlatmapFilter.fromConfig(raw);
        assertEquals(List.of(move("collection", "paths"), del("paths.*.i")), f.ops());
        assertEquals(m("paths", l(m("p", 1))), f.apply(m("collection", l(m("p", 1, "i", 0)))));
    }

    @Test
    void malformedRawConfigIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> FlatmapFilter.fromConfig(m("type", "del")));
        assertThrows(IllegalArgumentException.class, () -> FlatmapFilter.fromConfig(l("del")));
        assertThrows(IllegalArgumentException.class, () -> FlatmapFilter.fromConfig(l(m("type", 1, "args", l("a")))));
        assertThrows(IllegalArgumentException.class, () -> FlatmapFilter.fromConfig(l(m("type", "del", "args", "a"))));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FlatmapFilter.fromConfig(l(m("type", "del", "args", l("a", 3)))));
        assertTrue(e.getMessage().contains("string"), e.getMessage());
    }
}
