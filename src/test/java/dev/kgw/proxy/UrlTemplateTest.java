package dev.kgw.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UrlTemplateTest {

    @Test
    void paramKeyCapitalisesTheFirstLetter() {
        assertEquals("Id", UrlTemplate.paramKey("id"));
        assertEquals("Resp0_foo", UrlTemplate.paramKey("resp0_foo"));
        assertEquals("", UrlTemplate.paramKey(""));
    }

    @Test
    void valuesArePutInRaw() {
        UrlTemplate t = new UrlTemplate("/a/{id}/b/{name}?q={id}");

        assertEquals("/a/1/b/x y%2F?q=1", t.expand(Map.of("Id", "1", "Name", "x y%2F")));
    }

    @Test
    void missingParamStaysAsLuraLeavesIt() {
        assertEquals("/x/{{.Resp0_x}}/{{.Id}}", new UrlTemplate("/x/{resp0_x}/{id}").expand(Map.of()));
    }

    @Test
    void patternWithoutPlaceholdersIsConstant() {
        assertEquals("/static?x=1", new UrlTemplate("/static?x=1").expand(Map.of("X", "ignored")));
    }

    @Test
    void placeholderMayStandInsideASegment() {
        assertEquals("/file.json", new UrlTemplate("/file.{ext}").expand(Map.of("Ext", "json")));
    }

    @Test
    void responseParamsListsOnlyRespPlaceholders() {
        assertEquals(List.of("resp0_user.id", "resp1"),
                UrlTemplate.responseParams("/u/{resp0_user.id}/{id}/{resp1}/{JWT.sub}"));
    }
}
