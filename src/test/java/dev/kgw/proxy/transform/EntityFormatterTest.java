package dev.kgw.proxy.transform;

import static dev.kgw.proxy.transform.TestData.copy;
import static dev.kgw.proxy.transform.TestData.l;
import static dev.kgw.proxy.transform.TestData.m;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class EntityFormatterTest {

    private static EntityFormatter allow(String... paths) {
        return EntityFormatter.of("", List.of(paths), List.of(), Map.of(), "");
    }

    private static EntityFormatter deny(String... paths) {
        return EntityFormatter.of("", List.of(), List.of(paths), Map.of(), "");
    }

    private static EntityFormatter mapping(Map<String, String> mapping) {
        return EntityFormatter.of("", List.of(), List.of(), mapping, "");
    }

    private static EntityFormatter target(String target) {
        return EntityFormatter.of(target, List.of(), List.of(), Map.of(), "");
    }

    private static Map<String, String> orderedMapping(String... kv) {
        Map<String, String> res = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            res.put(kv[i], kv[i + 1]);
        }
        return res;
    }

    // --- nothing configured ----------------------------------------------------------------

    @Test
    void unconfiguredFormatterIsTheSharedIdentityAndReturnsItsInput() {
        EntityFormatter f = EntityFormatter.of("", List.of(), List.of(), Map.of(), "");
        assertTrue(f.isIdentity());
        assertSame(EntityFormatter.identity(), f);
        Map<String, Object> data = m("a", 1);
        assertSame(data, f.format(data));
        assertEquals(m("a", 1), data);
    }

    @Test
    void nullConfigValuesMeanNotConfigured() {
        EntityFormatter f = EntityFormatter.of(null, null, null, null, null, (List<FlatmapFilter.Op>) null);
        assertTrue(f.isIdentity());
    }

    @Test
    void emptyFlatmapListFallsBackToTheRegularFormatter() {
        EntityFormatter f = EntityFormatter.of("", List.of("a"), List.of(), Map.of(), "", List.of());
        assertFalse(f.isIdentity());
        assertEquals(m("a", 1), f.format(m("a", 1, "b", 2)));
    }

    // --- target ----------------------------------------------------------------------------

    @Test
    void targetExtractsTheNamedObject() { // lura TestEntityFormatter_targeting
        Map<String, Object> sub = m("b", true, "c", 42, "d", "tupu");
        Map<String, Object> out = target("group1").format(
                m("supu", 42, "tupu", false, "foo", "bar", "group1", copy(sub)));
        assertEquals(sub, out);
    }

    @Test
    void targetFollowsNestedDotPaths() { // lura TestEntityFormatter_targetingNested
        Map<String, Object> sub = m("b", true, "c", 42, "d", "tupu");
        Map<String, Object> out = target("group1.group1").format(
                m("group1", m("supu", 42, "tupu", false, "foo", "bar", "group1", copy(sub))));
        assertEquals(sub, out);
    }

    @Test
    void missingTargetGivesEmptyObject() { // lura TestEntityFormatter_targetingUnknownFields
        assertEquals(Map.of(), target("group1").format(m("supu", 42, "tupu", false)));
        assertEquals(Map.of(), target("a.missing").format(m("a", m("b", 1))));
    }

    @Test
    void nonObjectTargetGivesEmptyObject() { // lura TestEntityFormatter_targetingNonObjects
        assertEquals(Map.of(), target("group1").format(m("supu", 42, "group1", false)));
        assertEquals(Map.of(), target("group1").format(m("group1", null)));
        assertEquals(Map.of(), target("list").format(m("list", l(m("a", 1)))));
    }

    @Test
    void targetDoesNotIndexIntoArrays() {
        assertEquals(Map.of(), target("list.0").format(m("list", l(m("a", 1)))));
    }

    @Test
    void targetOnNullDataGivesEmptyObject() {
        assertEquals(Map.of(), target("a").format(null));
    }

    // --- allow -----------------------------------------------------------------------------

    @Test
    void allowKeepsOnlyListedPaths() { // lura TestEntityFormatter_newAllowFilter
        Map<String, Object> out = allow("supu", "a.b", "a.c", "foo.unknown").format(
                m("supu", 42, "tupu", false, "foo", "bar", "a", m("b", true, "c", 42, "d", "tupu")));
        // foo is a string, so "foo.unknown" cannot descend into it and foo is dropped
        assertEquals(m("supu", 42, "a", m("b", true, "c", 42)), out);
    }

    @Test
    void allowDeepFields() { // lura TestEntityFormatter_newAllowDeepFields
        Map<String, Object> in = m("id", 42, "tupu", m(
                "muku", m("supu", 1, "muku", 2, "gutu", m("kugu", 42)),
                "supu", m("supu", 3, "muku", 4)));
        Map<String, Object> out = allow("tupu.muku.supu", "tupu.muku.gutu.kugu").format(in);
        assertEquals(m("tupu", m("muku", m("supu", 1, "gutu", m("kugu", 42)))), out);
    }

    @Test
    void allowKeepsAListedBranchWhole() {
        Map<String, Object> out = allow("a").format(m("a", m("b", 1, "c", l(1, 2)), "z", 0));
        assertEquals(m("a", m("b", 1, "c", l(1, 2))), out);
    }

    @Test
    void allowWithNoMatchGivesEmptyObject() {
        assertEquals(Map.of(), allow("x", "y.z").format(m("a", 1, "y", m("q", 1))));
    }

    @Test
    void allowDropsParentWhoseAllowedChildrenAreAllMissing() {
        assertEquals(m("k", 1), allow("a.z", "k").format(m("a", m("b", 1), "k", 1)));
        // an object that is already empty has nothing allowed left either
        assertEquals(m("k", 1), allow("a.z", "k").format(m("a", m(), "k", 1)));
    }

    @Test
    void allowNeverTraversesArrays() {
        Map<String, Object> in = m("list", l(m("x", 1, "y", 2)), "k", true);
        assertEquals(m("k", true), allow("list.x", "k").format(in));
        assertEquals(m("k", true), allow("list.0", "k").format(m("list", l(1, 2), "k", true)));
    }

    @Test
    void allowAcceptsLeafValuesOfAnyTypeIncludingNull() {
        Object opaque = new java.math.BigDecimal("1.50");
        Map<String, Object> out = allow("a", "b", "c").format(m("a", null, "b", opaque, "c", l(), "d", 1));
        assertEquals(m("a", null, "b", opaque, "c", l()), out);
    }

    @Test
    void allowLaterNarrowerPathReplacesEarlierWholeBranch() {
        // lura builds the allow tree in order: "a" then "a.b" turns the "a" leaf into {b}
        Map<String, Object> in = m("a", m("b", 1, "c", 2));
        assertEquals(m("a", m("b", 1)), allow("a", "a.b").format(copy(in)));
        // ...while "a.b" then "a" widens back to the whole branch
        assertEquals(in, allow("a.b", "a").format(copy(in)));
    }

    @Test
    void allowWinsOverDeny() {
        EntityFormatter f = EntityFormatter.of("", List.of("a"), List.of("a"), Map.of(), "");
        assertEquals(m("a", 1), f.format(m("a", 1, "b", 2)));
    }

    @Test
    void allowMutatesTheInputMap() {
        Map<String, Object> in = m("a", 1, "b", 2);
        Map<String, Object> out = allow("a").format(in);
        assertSame(in, out);
        assertEquals(m("a", 1), in);
    }

    // --- deny ------------------------------------------------------------------------------

    @Test
    void denyRemovesListedPaths() { // lura TestEntityFormatter_newDenyFilter
        Map<String, Object> in = m(
                "supu", 42, "tupu", false, "foo", "bar",
                "a", m(
                        "a", m(
                                "b", true, "c", 42, "d", "tupu",
                                "deeper", m(
                                        "a", m("aa", "deleteme deeper.a.aa", "bb", "do not deleteme deeper.a.bb"),
                                        "b", m("aa", "deleteme deeper.b.aa", "bb", "do not deleteme deeper.b.bb"))),
                        "b", true, "c", 42, "d", "tupu"));
        Map<String, Object> expected = m(
                "tupu", false, "foo", "bar",
                "a", m(
                        "a", m(
                                "c", 42, "d", "tupu",
                                "deeper", m(
                                        "a", m("bb", "do not deleteme deeper.a.bb"),
                                        "b", m("bb", "do not deleteme deeper.b.bb"))),
                        "d", "tupu"));
        Map<String, Object> out = deny("supu", "a.b", "a.c", "foo.unknown", "a.a.b",
                "a.a.deeper.a.aa", "a.a.deeper.b.aa").format(in);
        assertEquals(expected, out);
    }

    @Test
    void denyNeverTraversesArrays() {
        Map<String, Object> in = m("list", l(m("x", 1, "y", 2)), "k", true);
        assertEquals(copy(in), deny("list.x", "list.0").format(in));
    }

    @Test
    void denyOfAParentCoversItsChildrenInAnyOrder() {
        Map<String, Object> in = m("a", m("b", 1, "c", 2), "z", 1);
        assertEquals(m("z", 1), deny("a.b", "a").format(copy(in)));
        assertEquals(m("z", 1), deny("a", "a.b").format(copy(in)));
    }

    @Test
    void denyKeepsEmptiedObjects() {
        assertEquals(m("a", m()), deny("a.b").format(m("a", m("b", 1))));
    }

    @Test
    void denyRemovesKeysHoldingNull() {
        assertEquals(m("b", 1), deny("a").format(m("a", null, "b", 1)));
    }

    // --- mapping ---------------------------------------------------------------------------

    @Test
    void mappingRenamesTopLevelKeysOnly() { // lura TestEntityFormatter_mapping
        Map<String, Object> sub = m("b", true, "c", 42, "d", "tupu");
        Map<String, Object> out = mapping(Map.of("supu", "SUPUUUUU", "tupu", "TUPUUUUU", "a.b", "a.BOOOOO"))
                .format(m("supu", 42, "tupu", false, "foo", "bar", "a", copy(sub)));
        assertEquals(m("SUPUUUUU", 42, "TUPUUUUU", false, "foo", "bar", "a", sub), out);
    }

    @Test
    void mappingSourceWithDotsMatchesALiteralTopLevelKey() {
        Map<String, Object> out = mapping(Map.of("a.b", "x")).format(m("a.b", 1, "a", m("b", 2)));
        assertEquals(m("x", 1, "a", m("b", 2)), out);
    }

    @Test
    void mappingNewNameIsCutAtTheFirstDot() {
        assertEquals(m("y", 1), mapping(Map.of("x", "y.z.w")).format(m("x", 1)));
        assertEquals(m("", 1), mapping(Map.of("x", ".y")).format(m("x", 1)));
    }

    @Test
    void mappingOntoItsOwnNameDropsTheKey() {
        // lura writes the new key and then deletes the old one, which is the same key here
        assertEquals(m("b", 2), mapping(Map.of("a", "a.nested")).format(m("a", 1, "b", 2)));
        assertEquals(m("b", 2), mapping(Map.of("a", "a")).format(m("a", 1, "b", 2)));
    }

    @Test
    void mappingOverwritesAnExistingKey() {
        assertEquals(m("b", 1), mapping(Map.of("a", "b")).format(m("a", 1, "b", 2)));
    }

    @Test
    void mappingOfMissingKeyAddsNothing() {
        assertEquals(m("k", 1), mapping(Map.of("a", "b")).format(m("k", 1)));
    }

    @Test
    void mappingMovesKeysHoldingNull() {
        Map<String, Object> out = mapping(Map.of("a", "b")).format(m("a", null));
        assertTrue(out.containsKey("b"));
        assertFalse(out.containsKey("a"));
    }

    @Test
    void mappingRunsInConfigurationOrder() {
        // lura iterates a Go map (random order); configuration order is the deterministic choice
        assertEquals(m("c", 1), mapping(orderedMapping("a", "b", "b", "c")).format(m("a", 1)));
        assertEquals(m("b", 1), mapping(orderedMapping("b", "c", "a", "b")).format(m("a", 1)));
    }

    @Test
    void mappingAppliesAfterAllowSoItSeesOriginalNames() {
        EntityFormatter f = EntityFormatter.of("", List.of("a"), List.of(), Map.of("a", "A"), "");
        assertEquals(m("A", 1), f.format(m("a", 1, "b", 2)));
    }

    // --- group -----------------------------------------------------------------------------

    @Test
    void groupWrapsTheResult() { // lura TestEntityFormatter_grouping
        Map<String, Object> in = m("supu", 42, "tupu", false, "foo", "bar");
        Map<String, Object> out = EntityFormatter.of("", List.of(), List.of(), Map.of(), "group1").format(copy(in));
        assertEquals(m("group1", in), out);
    }

    @Test
    void groupWrapsEvenAnEmptyResult() {
        EntityFormatter f = EntityFormatter.of("missing", List.of(), List.of(), Map.of(), "g");
        assertEquals(m("g", m()), f.format(m("a", 1)));
        Map<String, Object> wrappedNull = EntityFormatter.of("", null, null, null, "g").format(null);
        assertTrue(wrappedNull.containsKey("g"));
        assertNull(wrappedNull.get("g"));
    }

    // --- everything together ---------------------------------------------------------------

    @Test
    void targetAllowMappingGroupInThatOrder() { // lura TestEntityFormatter_altogether
        EntityFormatter f = EntityFormatter.of("a", List.of("d"), List.of(), Map.of("d", "D"), "group");
        Map<String, Object> out = f.format(m("supu", 42, "tupu", false, "foo", "bar",
                "a", m("b", true, "c", 42, "d", "tupu")));
        assertEquals(m("group", m("D", "tupu")), out);
    }

    @Test
    void allowAndDenyPathsAreRelativeToTheTarget() {
        Map<String, Object> in = m("data", m("a", 1, "b", 2), "a", 9);
        assertEquals(m("a", 1), EntityFormatter.of("data", List.of("a"), List.of(), Map.of(), "").format(copy(in)));
        assertEquals(m("b", 2), EntityFormatter.of("data", List.of(), List.of("a"), Map.of(), "").format(copy(in)));
    }

    // --- flatmap variant -------------------------------------------------------------------

    private static List<FlatmapFilter.Op> luraFlatmapOps() {
        return List.of(
                FlatmapFilter.Op.of("del", "c"),
                FlatmapFilter.Op.of("append", "y", "z"),
                FlatmapFilter.Op.of("move", "supu", "SUPUUUUU"),
                FlatmapFilter.Op.of("move", "a.b", "a.BOOOOO"),
                FlatmapFilter.Op.of("del", "collection.*.b", "collection.*.d", "collection.*.e"),
                FlatmapFilter.Op.of("move", "collection.*.c", "collection.*.x"));
    }

    @Test
    void flatmapRunsBetweenTargetAndGroup() { // lura TestEntityFormatter_flatmap
        // the same sub-object is shared four times, as in lura's test: edits must not leak between copies
        Map<String, Object> sub = m("b", true, "c", 42, "d", "tupu", "e", l(1, 2, 3, 4));
        Map<String, Object> in = m("content", m(
                "supu", 42, "tupu", false, "foo", "bar", "a", sub,
                "collection", l(sub, sub, sub, sub),
                "y", l(0, 1, 2, 3, 4, 5, 6),
                "z", l(10, 11, 12, 13, 14, 15, 16)));
        EntityFormatter f = EntityFormatter.of("content", List.of(), List.of(), Map.of(), "group", luraFlatmapOps());
        Map<String, Object> expected = m("group", m(
                "SUPUUUUU", 42, "tupu", false, "foo", "bar",
                "a", m("BOOOOO", true, "c", 42, "d", "tupu", "e", l(1, 2, 3, 4)),
                "collection", l(m("x", 42), m("x", 42), m("x", 42), m("x", 42)),
                "z", l(10, 11, 12, 13, 14, 15, 16, 0, 1, 2, 3, 4, 5, 6)));
        assertEquals(expected, f.format(in));
    }

    @Test
    void flatmapReplacesAllowDenyAndMapping() {
        EntityFormatter f = EntityFormatter.of("", List.of("keep"), List.of("x"), Map.of("x", "renamed"), "",
                List.of(FlatmapFilter.Op.of("del", "gone")));
        assertEquals(m("x", 1, "other", 2), f.format(m("x", 1, "other", 2, "gone", 3)));
    }

    @Test
    void acceptsAPrebuiltFlatmapFilter() {
        FlatmapFilter filter = FlatmapFilter.fromConfig(l(m("type", "del", "args", l("gone"))));
        EntityFormatter f = EntityFormatter.of("", List.of("keep"), null, null, "", filter);
        assertEquals(m("x", 1), f.format(m("x", 1, "gone", 3)));
        // null or operation-less filters count as absent, so allow applies again
        assertEquals(m("keep", 1), EntityFormatter.of("", List.of("keep"), null, null, "", (FlatmapFilter) null)
                .format(m("keep", 1, "x", 2)));
        assertEquals(m("keep", 1), EntityFormatter.of("", List.of("keep"), null, null, "",
                FlatmapFilter.fromConfig(l())).format(m("keep", 1, "x", 2)));
    }

    @Test
    void flatmapPathsAreRelativeToTheTarget() {
        EntityFormatter f = EntityFormatter.of("data", null, null, null, "g",
                List.of(FlatmapFilter.Op.of("move", "items", "list")));
        assertEquals(m("g", m("list", l(1))), f.format(m("data", m("items", l(1)), "items", 0)));
    }

    @Test
    void invalidFlatmapOperationIsRejectedAtConstruction() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EntityFormatter.of("", null, null, null, "", List.of(FlatmapFilter.Op.of("rename", "a", "b"))));
        assertTrue(e.getMessage().contains("rename"), e.getMessage());
    }

    @Test
    void nullAllowEntryIsRejectedAtConstruction() {
        List<String> allow = new ArrayList<>();
        allow.add(null);
        assertThrows(IllegalArgumentException.class, () -> EntityFormatter.of("", allow, null, null, ""));
    }

    // --- concurrency -----------------------------------------------------------------------

    @Test
    void oneInstanceServesConcurrentRequests() {
        EntityFormatter f = EntityFormatter.of("body", List.of("a.b", "c"), List.of(), Map.of("c", "C"), "g");
        Map<String, Object> template = m("body", m("a", m("b", 1, "x", 2), "c", l(1), "d", 3));
        Map<String, Object> expected = m("g", m("a", m("b", 1), "C", l(1)));
        long ok = IntStream.range(0, 2_000).parallel()
                .mapToObj(i -> f.format(copy(template)))
                .filter(expected::equals)
                .count();
        assertEquals(2_000, ok);
    }
}
