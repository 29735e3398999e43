package dev.kgw.encoding;

import java.util.Comparator;

/**
 * Orders strings the way Go compares them: by UTF-8 bytes. Java's {@code compareTo} works on
 * UTF-16 units and disagrees for characters above U+FFFF versus U+E000..U+FFFF, so sorted map
 * keys would come out in a different order than KrakenD's.
 */
final class Utf8Order implements Comparator<String> {

    static final Utf8Order INSTANCE = new Utf8Order();

    private Utf8Order() {
    }

    @Override
    public int compare(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y) {
                // UTF-8 byte order equals code point order; surrogates (D800-DFFF) must sort
                // after E000-FFFF, so shift both ranges before comparing.
                if (x >= 0xD800 && y >= 0xD800) {
                    x = fixup(x);
                    y = fixup(y);
                }
                return x - y;
            }
        }
        return a.length() - b.length();
    }

    private static char fixup(char c) {
        return (char) (c >= 0xE000 ? c - 0x800 : c + 0x2000);
    }
}
