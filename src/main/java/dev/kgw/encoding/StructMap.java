package dev.kgw.encoding;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A map that renders its entries in insertion order instead of sorted order. KrakenD sometimes
 * places Go structs (for example gofeed items) into the response; Go writes struct fields in
 * declaration order, while plain maps get sorted keys, so the renderers need to tell them apart.
 */
public final class StructMap extends LinkedHashMap<String, Object> {

    private static final long serialVersionUID = 1L;

    public StructMap() {
        super();
    }

    public StructMap(Map<String, Object> source) {
        super(source);
    }
}
