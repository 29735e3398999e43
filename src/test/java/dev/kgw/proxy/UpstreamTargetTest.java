package dev.kgw.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Expected values are what Go's {@code url.Parse(u).RequestURI()} prints for the same input. */
class UpstreamTargetTest {

    @Test
    void validPathIsSentAsWrittenWithoutCopy() {
        String p = "/users/7/a-b_c.d~e/$&+,;=:@!'()*";
        assertSame(p, UpstreamTarget.path(p));
    }

    @Test
    void keepsEscapesWrittenInThePattern() {
        assertEquals("/files/a%2Fb", UpstreamTarget.path("/files/a%2Fb"));
    }

    @Test
    void escapesWhatARequestLineCannotCarryAsGoDoes() {
        assertEquals("/users/a%20b", UpstreamTarget.path("/users/a b"));
        assertEquals("/users/%C3%A9", UpstreamTarget.path("/users/é"));
        assertEquals("/users/%22x%22", UpstreamTarget.path("/users/\"x\""));
        assertEquals("/u/%3Cb%3E%7B%7D%7C%5C%5E%60", UpstreamTarget.path("/u/<b>{}|\\^`"));
        assertEquals("/u/%F0%9F%98%80", UpstreamTarget.path("/u/😀"));
    }

    @Test
    void oncePathIsReEscapedEscapesOfThePatternAreDecodedFirstAsInGo() {
        // Go: RawPath is invalid (a space), so EscapedPath() escapes the decoded Path, where %2F is a plain '/'
        assertEquals("/a/b/c%20d", UpstreamTarget.path("/a%2Fb/c d"));
        assertEquals("/a%28b%29%20c", UpstreamTarget.path("/a(b) c"));
    }

    @Test
    void refusesControlBytesAndBrokenEscapes() {
        for (String bad : new String[] {"/u/a\nb", "/u/a\rb", "/u/\u0000", "/u/\u007f", "/u/\t"}) {
            assertThrows(UpstreamTarget.InvalidTargetException.class, () -> UpstreamTarget.path(bad), bad);
        }
        assertThrows(UpstreamTarget.InvalidTargetException.class, () -> UpstreamTarget.path("/u/100%"));
        assertThrows(UpstreamTarget.InvalidTargetException.class, () -> UpstreamTarget.path("/u/%zz"));
    }

    @Test
    void queryKeepsItsSeparatorsAndEscapesOnlyWhatCannotStandInARequestLine() {
        String q = "a=1&b=x%20y&c=/?:@!$'()*+,;";
        assertSame(q, UpstreamTarget.query(q));
        assertEquals("id=a%20b&n=%C3%A9%22", UpstreamTarget.query("id=a b&n=é\""));
        assertThrows(UpstreamTarget.InvalidTargetException.class, () -> UpstreamTarget.query("id=a\r\nX: y"));
    }
}
