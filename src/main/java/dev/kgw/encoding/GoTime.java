package dev.kgw.encoding;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * A port of Go's {@code time.Parse} layout matching. Both the YAML quoting rules (goccy/go-yaml
 * quotes anything that parses as a timestamp) and gofeed's date parsing are defined by which Go
 * layouts accept a string, so they need Go's exact leniency, not java.time's.
 *
 * <p>Named zones other than UTC get offset 0, which is what Go does when the server's local zone
 * (UTC in KrakenD's containers) does not know the abbreviation.
 */
final class GoTime {

    private static final String[] SHORT_MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    private static final String[] LONG_MONTHS = {"January", "February", "March", "April", "May", "June", "July",
        "August", "September", "October", "November", "December"};
    private static final String[] SHORT_DAYS = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    private static final String[] LONG_DAYS = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};

    // Layout element codes, named after Go's std* constants.
    private static final int LONG_MONTH = 1;
    private static final int MONTH = 2;
    private static final int NUM_MONTH = 3;
    private static final int ZERO_MONTH = 4;
    private static final int LONG_WEEKDAY = 5;
    private static final int WEEKDAY = 6;
    private static final int DAY = 7;
    private static final int UNDER_DAY = 8;
    private static final int ZERO_DAY = 9;
    private static final int HOUR = 10;
    private static final int HOUR12 = 11;
    private static final int ZERO_HOUR12 = 12;
    private static final int MINUTE = 13;
    private static final int ZERO_MINUTE = 14;
    private static final int SECOND = 15;
    private static final int ZERO_SECOND = 16;
    private static final int LONG_YEAR = 17;
    private static final int YEAR = 18;
    private static final int PM_UPPER = 19;
    private static final int PM_LOWER = 20;
    private static final int TZ = 21;
    private static final int ISO_TZ = 22;          // Z0700
    private static final int ISO_SECONDS_TZ = 23;  // Z070000
    private static final int ISO_SHORT_TZ = 24;    // Z07
    private static final int ISO_COLON_TZ = 25;    // Z07:00
    private static final int ISO_COLON_SECONDS_TZ = 26; // Z07:00:00
    private static final int NUM_TZ = 27;          // -0700
    private static final int NUM_SECONDS_TZ = 28;  // -070000
    private static final int NUM_SHORT_TZ = 29;    // -07
    private static final int NUM_COLON_TZ = 30;    // -07:00
    private static final int NUM_COLON_SECONDS_TZ = 31; // -07:00:00
    private static final int FRAC0 = 32;
    private static final int FRAC9 = 33;
    private static final int ZERO_YEAR_DAY = 34;
    private static final int UNDER_YEAR_DAY = 35;

    private static final DateTimeFormatter RFC3339_NANO_PREFIX = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

    private GoTime() {
    }

    /**
     * A parsed time: the wall clock as written, its offset east of UTC in seconds, and the zone
     * abbreviation when the layout had one (null otherwise).
     */
    record Parsed(LocalDateTime wall, int offsetSeconds, String zoneName) {
        Instant instant() {
            return wall.toInstant(ZoneOffset.UTC).minusSeconds(offsetSeconds);
        }

        Parsed utc() {
            return new Parsed(LocalDateTime.ofInstant(instant(), ZoneOffset.UTC), 0, null);
        }

        /** Go's time.Time JSON form: RFC 3339, trimmed nanoseconds, "Z" for a zero offset. */
        String rfc3339Nano() {
            StringBuilder sb = new StringBuilder(RFC3339_NANO_PREFIX.format(wall));
            int nanos = wall.getNano();
            if (nanos != 0) {
                String f = String.format("%09d", nanos);
                int end = f.length();
                while (f.charAt(end - 1) == '0') {
                    end--;
                }
                sb.append('.').append(f, 0, end);
            }
            if (offsetSeconds == 0) {
                return sb.append('Z').toString();
            }
            int abs = Math.abs(offsetSeconds) / 60;
            return sb.append(offsetSeconds < 0 ? '-' : '+')
                    .append(String.format("%02d:%02d", abs / 60, abs % 60)).toString();
        }
    }

    /** What {@code value} denotes under Go layout {@code layout}, or null if Go rejects it. */
    static Parsed parse(String layout, String value) {
        try {
            return new Parser(layout, value).run();
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }

    /** Position of the next layout element: text before it, its code, and the rest of the layout. */
    private record Chunk(String prefix, int std, int fracDigits, String suffix) {
    }

    private static Chunk next(String layout) {
        int n = layout.length();
        for (int i = 0; i < n; i++) {
            char c = layout.charAt(i);
            switch (c) {
                case 'J':
                    if (layout.startsWith("Jan", i)) {
                        if (layout.startsWith("January", i)) {
                            return chunk(layout, i, LONG_MONTH, 7);
                        }
                        if (!startsWithLower(layout, i + 3)) {
                            return chunk(layout, i, MONTH, 3);
                        }
                    }
                    break;
                case 'M':
                    if (layout.startsWith("Mon", i)) {
                        if (layout.startsWith("Monday", i)) {
                            return chunk(layout, i, LONG_WEEKDAY, 6);
                        }
                        if (!startsWithLower(layout, i + 3)) {
                            return chunk(layout, i, WEEKDAY, 3);
                        }
                    }
                    if (layout.startsWith("MST", i)) {
                        return chunk(layout, i, TZ, 3);
                    }
                    break;
                case '0':
                    if (i + 1 < n && layout.charAt(i + 1) >= '1' && layout.charAt(i + 1) <= '6') {
                        int[] zeros = {ZERO_MONTH, ZERO_DAY, ZERO_HOUR12, ZERO_MINUTE, ZERO_SECOND, YEAR};
                        return chunk(layout, i, zeros[layout.charAt(i + 1) - '1'], 2);
                    }
                    if (layout.startsWith("002", i)) {
                        return chunk(layout, i, ZERO_YEAR_DAY, 3);
                    }
                    break;
                case '1':
                    if (i + 1 < n && layout.charAt(i + 1) == '5') {
                        return chunk(layout, i, HOUR, 2);
                    }
                    return chunk(layout, i, NUM_MONTH, 1);
                case '2':
                    if (layout.startsWith("2006", i)) {
                        return chunk(layout, i, LONG_YEAR, 4);
                    }
                    return chunk(layout, i, DAY, 1);
                case '_':
                    if (i + 1 < n && layout.charAt(i + 1) == '2') {
                        if (layout.startsWith("2006", i + 1)) {
                            return new Chunk(layout.substring(0, i + 1), LONG_YEAR, 0, layout.substring(i + 5));
                        }
                        return chunk(layout, i, UNDER_DAY, 2);
                    }
                    if (layout.startsWith("__2", i)) {
                        return chunk(layout, i, UNDER_YEAR_DAY, 3);
                    }
                    break;
                case '3':
                    return chunk(layout, i, HOUR12, 1);
                case '4':
                    return chunk(layout, i, MINUTE, 1);
                case '5':
                    return chunk(layout, i, SECOND, 1);
                case 'P':
                    if (i + 1 < n && layout.charAt(i + 1) == 'M') {
                        return chunk(layout, i, PM_UPPER, 2);
                    }
                    break;
                case 'p':
                    if (i + 1 < n && layout.charAt(i + 1) == 'm') {
                        return chunk(layout, i, PM_LOWER, 2);
                    }
                    break;
                case '-':
                    if (layout.startsWith("-070000", i)) {
                        return chunk(layout, i, NUM_SECONDS_TZ, 7);
                    }
                    if (layout.startsWith("-07:00:00", i)) {
                        return chunk(layout, i, NUM_COLON_SECONDS_TZ, 9);
                    }
                    if (layout.startsWith("-0700", i)) {
                        return chunk(layout, i, NUM_TZ, 5);
                    }
                    if (layout.startsWith("-07:00", i)) {
                        return chunk(layout, i, NUM_COLON_TZ, 6);
                    }
                    if (layout.startsWith("-07", i)) {
                        return chunk(layout, i, NUM_SHORT_TZ, 3);
                    }
                    break;
                case 'Z':
                    if (layout.startsWith("Z070000", i)) {
                        return chunk(layout, i, ISO_SECONDS_TZ, 7);
                    }
                    if (layout.startsWith("Z07:00:00", i)) {
                        return chunk(layout, i, ISO_COLON_SECONDS_TZ, 9);
                    }
                    if (layout.startsWith("Z0700", i)) {
                        return chunk(layout, i, ISO_TZ, 5);
                    }
                    if (layout.startsWith("Z07:00", i)) {
                        return chunk(layout, i, ISO_COLON_TZ, 6);
                    }
                    if (layout.startsWith("Z07", i)) {
                        return chunk(layout, i, ISO_SHORT_TZ, 3);
                    }
                    break;
                case '.', ',':
                    if (i + 1 < n && (layout.charAt(i + 1) == '0' || layout.charAt(i + 1) == '9')) {
                        char ch = layout.charAt(i + 1);
                        int j = i + 1;
                        while (j < n && layout.charAt(j) == ch) {
                            j++;
                        }
                        if (!(j < n && isDigit(layout.charAt(j)))) {
                            return new Chunk(layout.substring(0, i), ch == '9' ? FRAC9 : FRAC0, j - (i + 1),
                                    layout.substring(j));
                        }
                    }
                    break;
                default:
                    break;
            }
        }
        return new Chunk(layout, 0, 0, "");
    }

    private static Chunk chunk(String layout, int i, int std, int len) {
        return new Chunk(layout.substring(0, i), std, 0, layout.substring(i + len));
    }

    private static boolean startsWithLower(String s, int i) {
        return i < s.length() && s.charAt(i) >= 'a' && s.charAt(i) <= 'z';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** Signals Go's parse error; control flow only. */
    private static final class Bad extends RuntimeException {
        private static final long serialVersionUID = 1L;
        static final Bad INSTANCE = new Bad();

        private Bad() {
            super(null, null, false, false);
        }
    }

    private static final class Parser {
        private String layout;
        private String value;
        private int year;
        private int month = -1;
        private int day = -1;
        private int hour;
        private int min;
        private int sec;
        private int nsec;
        private boolean pm;
        private boolean am;
        private Integer offset; // seconds east of UTC; null means "no zone given"
        private String zoneName;

        Parser(String layout, String value) {
            this.layout = layout;
            this.value = value;
        }

        Parsed run() {
            try {
                return parse();
            } catch (Bad | StringIndexOutOfBoundsException e) {
                return null;
            }
        }

        private Parsed parse() {
            while (true) {
                Chunk c = next(layout);
                skip(c.prefix());
                if (c.std() == 0) {
                    if (!value.isEmpty()) {
                        throw Bad.INSTANCE;
                    }
                    break;
                }
                layout = c.suffix();
                element(c);
            }
            if (pm && hour < 12) {
                hour += 12;
            } else if (am && hour == 12) {
                hour = 0;
            }
            if (month < 0) {
                month = 1;
            }
            if (day < 0) {
                day = 1;
            }
            if (day < 1 || day > YearMonth.of(year, month).lengthOfMonth()) {
                return null;
            }
            LocalDateTime wall = LocalDateTime.of(year, month, day, hour, min, sec, nsec);
            return new Parsed(wall, offset == null ? 0 : offset, zoneName);
        }

        private void skip(String prefix) {
            int p = 0;
            while (p < prefix.length()) {
                if (prefix.charAt(p) == ' ') {
                    if (!value.isEmpty() && value.charAt(0) != ' ') {
                        throw Bad.INSTANCE;
                    }
                    while (p < prefix.length() && prefix.charAt(p) == ' ') {
                        p++;
                    }
                    value = cutSpace(value);
                    continue;
                }
                if (value.isEmpty() || value.charAt(0) != prefix.charAt(p)) {
                    throw Bad.INSTANCE;
                }
                p++;
                value = value.substring(1);
            }
        }

        private static String cutSpace(String s) {
            int i = 0;
            while (i < s.length() && s.charAt(i) == ' ') {
                i++;
            }
            return s.substring(i);
        }

        private void element(Chunk c) {
            int std = c.std();
            switch (std) {
                case YEAR -> {
                    year = atoi(take(2));
                    year += year >= 69 ? 1900 : 2000;
                }
                case LONG_YEAR -> {
                    if (value.length() < 4 || !isDigit(value.charAt(0))) {
                        throw Bad.INSTANCE;
                    }
                    year = atoi(take(4));
                }
                case MONTH -> month = lookup(SHORT_MONTHS) + 1;
                case LONG_MONTH -> month = lookup(LONG_MONTHS) + 1;
                case NUM_MONTH, ZERO_MONTH -> {
                    month = getnum(std == ZERO_MONTH);
                    if (month <= 0 || month > 12) {
                        throw Bad.INSTANCE;
                    }
                }
                case WEEKDAY -> lookup(SHORT_DAYS);
                case LONG_WEEKDAY -> lookup(LONG_DAYS);
                case DAY, UNDER_DAY, ZERO_DAY -> {
                    if (std == UNDER_DAY && !value.isEmpty() && value.charAt(0) == ' ') {
                        value = value.substring(1);
                    }
                    day = getnum(std == ZERO_DAY);
                }
                case HOUR -> {
                    hour = getnum(false);
                    if (hour >= 24) {
                        throw Bad.INSTANCE;
                    }
                }
                case HOUR12, ZERO_HOUR12 -> {
                    hour = getnum(std == ZERO_HOUR12);
                    if (hour > 12) {
                        throw Bad.INSTANCE;
                    }
                }
                case MINUTE, ZERO_MINUTE -> {
                    min = getnum(std == ZERO_MINUTE);
                    if (min >= 60) {
                        throw Bad.INSTANCE;
                    }
                }
                case SECOND, ZERO_SECOND -> {
                    sec = getnum(std == ZERO_SECOND);
                    if (sec >= 60) {
                        throw Bad.INSTANCE;
                    }
                    // A fraction in the value is accepted even when the layout has none.
                    if (value.length() >= 2 && isFracSep(value.charAt(0)) && isDigit(value.charAt(1))) {
                        int following = next(layout).std();
                        if (following != FRAC0 && following != FRAC9) {
                            int n = 2;
                            while (n < value.length() && isDigit(value.charAt(n))) {
                                n++;
                            }
                            nsec = nanos(n);
                            value = value.substring(n);
                        }
                    }
                }
                case PM_UPPER, PM_LOWER -> {
                    String p = take(2);
                    String pmText = std == PM_UPPER ? "PM" : "pm";
                    String amText = std == PM_UPPER ? "AM" : "am";
                    if (p.equals(pmText)) {
                        pm = true;
                    } else if (p.equals(amText)) {
                        am = true;
                    } else {
                        throw Bad.INSTANCE;
                    }
                }
                case ISO_TZ, ISO_SHORT_TZ, ISO_COLON_TZ, ISO_SECONDS_TZ, ISO_COLON_SECONDS_TZ,
                        NUM_TZ, NUM_SHORT_TZ, NUM_COLON_TZ, NUM_SECONDS_TZ, NUM_COLON_SECONDS_TZ -> numericZone(std);
                case TZ -> namedZone();
                case FRAC0 -> {
                    int ndigit = 1 + c.fracDigits();
                    if (value.length() < ndigit) {
                        throw Bad.INSTANCE;
                    }
                    nsec = nanos(ndigit);
                    value = value.substring(ndigit);
                }
                case FRAC9 -> {
                    if (value.length() < 2 || !isFracSep(value.charAt(0)) || !isDigit(value.charAt(1))) {
                        return; // the fraction is optional
                    }
                    int i = 0;
                    while (i + 1 < value.length() && isDigit(value.charAt(i + 1))) {
                        i++;
                    }
                    nsec = nanos(1 + i);
                    value = value.substring(1 + i);
                }
                default -> throw Bad.INSTANCE; // day-of-year layouts are not used by our callers
            }
        }

        private void numericZone(int std) {
            boolean iso = std == ISO_TZ || std == ISO_SHORT_TZ || std == ISO_COLON_TZ || std == ISO_SECONDS_TZ
                    || std == ISO_COLON_SECONDS_TZ;
            if (iso && !value.isEmpty() && value.charAt(0) == 'Z') {
                value = value.substring(1);
                offset = 0;
                return;
            }
            String sign;
            String hh;
            String mm = "00";
            String ss = "00";
            if (std == ISO_COLON_TZ || std == NUM_COLON_TZ) {
                if (value.length() < 6 || value.charAt(3) != ':') {
                    throw Bad.INSTANCE;
                }
                sign = value.substring(0, 1);
                hh = value.substring(1, 3);
                mm = value.substring(4, 6);
                value = value.substring(6);
            } else if (std == NUM_SHORT_TZ || std == ISO_SHORT_TZ) {
                if (value.length() < 3) {
                    throw Bad.INSTANCE;
                }
                sign = value.substring(0, 1);
                hh = value.substring(1, 3);
                value = value.substring(3);
            } else if (std == ISO_COLON_SECONDS_TZ || std == NUM_COLON_SECONDS_TZ) {
                if (value.length() < 9 || value.charAt(3) != ':' || value.charAt(6) != ':') {
                    throw Bad.INSTANCE;
                }
                sign = value.substring(0, 1);
                hh = value.substring(1, 3);
                mm = value.substring(4, 6);
                ss = value.substring(7, 9);
                value = value.substring(9);
            } else if (std == ISO_SECONDS_TZ || std == NUM_SECONDS_TZ) {
                if (value.length() < 7) {
                    throw Bad.INSTANCE;
                }
                sign = value.substring(0, 1);
                hh = value.substring(1, 3);
                mm = value.substring(3, 5);
                ss = value.substring(5, 7);
                value = value.substring(7);
            } else {
                if (value.length() < 5) {
                    throw Bad.INSTANCE;
                }
                sign = value.substring(0, 1);
                hh = value.substring(1, 3);
                mm = value.substring(3, 5);
                value = value.substring(5);
            }
            int h = fixed2(hh);
            int m = fixed2(mm);
            int s = fixed2(ss);
            if (h > 24 || m > 60 || s > 60) {
                throw Bad.INSTANCE;
            }
            int off = (h * 60 + m) * 60 + s;
            switch (sign.charAt(0)) {
                case '+' -> offset = off;
                case '-' -> offset = -off;
                default -> throw Bad.INSTANCE;
            }
        }

        private void namedZone() {
            if (value.startsWith("UTC")) {
                value = value.substring(3);
                offset = 0;
                return;
            }
            int n = zoneLength(value);
            if (n <= 0) {
                throw Bad.INSTANCE;
            }
            String name = value.substring(0, n);
            value = value.substring(n);
            zoneName = name;
            // Go keeps the wall clock as UTC for abbreviations the local zone does not know
            // (GMT+N included: it only labels the result); a numeric offset still wins.
            if (offset == null) {
                offset = 0;
            }
        }

        private static int zoneLength(String v) {
            if (v.length() < 3) {
                return 0;
            }
            if (v.startsWith("ChST") || v.startsWith("MeST")) {
                return 4;
            }
            if (v.startsWith("GMT")) {
                return 3 + signedOffsetLength(v.substring(3));
            }
            if (v.charAt(0) == '+' || v.charAt(0) == '-') {
                return signedOffsetLength(v);
            }
            int upper = 0;
            while (upper < 6 && upper < v.length() && v.charAt(upper) >= 'A' && v.charAt(upper) <= 'Z') {
                upper++;
            }
            return switch (upper) {
                case 3 -> 3;
                case 4 -> v.charAt(3) == 'T' || v.startsWith("WITA") ? 4 : 0;
                case 5 -> v.charAt(4) == 'T' ? 5 : 0;
                default -> 0;
            };
        }

        private static int signedOffsetLength(String v) {
            if (v.isEmpty() || (v.charAt(0) != '-' && v.charAt(0) != '+')) {
                return 0;
            }
            int i = 1;
            long x = 0;
            while (i < v.length() && isDigit(v.charAt(i))) {
                x = x * 10 + (v.charAt(i) - '0');
                if (x > 1_000_000) {
                    return 0;
                }
                i++;
            }
            if (i == 1 || x > 23) {
                return 0;
            }
            return i;
        }

        private int nanos(int nbytes) {
            if (!isFracSep(value.charAt(0))) {
                throw Bad.INSTANCE;
            }
            String digits = value.substring(1, Math.min(nbytes, 10));
            int ns = atoi(digits);
            for (int i = digits.length() + 1; i < 10; i++) {
                ns *= 10;
            }
            return ns;
        }

        private String take(int n) {
            if (value.length() < n) {
                throw Bad.INSTANCE;
            }
            String p = value.substring(0, n);
            value = value.substring(n);
            return p;
        }

        private int getnum(boolean fixed) {
            if (value.isEmpty() || !isDigit(value.charAt(0))) {
                throw Bad.INSTANCE;
            }
            if (value.length() < 2 || !isDigit(value.charAt(1))) {
                if (fixed) {
                    throw Bad.INSTANCE;
                }
                int v = value.charAt(0) - '0';
                value = value.substring(1);
                return v;
            }
            int v = (value.charAt(0) - '0') * 10 + (value.charAt(1) - '0');
            value = value.substring(2);
            return v;
        }

        private static int fixed2(String s) {
            if (s.length() < 2 || !isDigit(s.charAt(0)) || !isDigit(s.charAt(1))) {
                throw Bad.INSTANCE;
            }
            return (s.charAt(0) - '0') * 10 + (s.charAt(1) - '0');
        }

        private int lookup(String[] names) {
            for (int i = 0; i < names.length; i++) {
                String n = names[i];
                if (value.length() >= n.length() && value.regionMatches(true, 0, n, 0, n.length())) {
                    value = value.substring(n.length());
                    return i;
                }
            }
            throw Bad.INSTANCE;
        }

        /** Go's atoi: optional sign, then only digits. */
        private static int atoi(String s) {
            boolean neg = false;
            if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
                neg = s.charAt(0) == '-';
                s = s.substring(1);
            }
            if (s.isEmpty()) {
                throw Bad.INSTANCE;
            }
            long x = 0;
            for (int i = 0; i < s.length(); i++) {
                char ch = s.charAt(i);
                if (!isDigit(ch)) {
                    throw Bad.INSTANCE;
                }
                x = x * 10 + (ch - '0');
                if (x > Integer.MAX_VALUE) {
                    throw Bad.INSTANCE;
                }
            }
            return (int) (neg ? -x : x);
        }

        private static boolean isFracSep(char c) {
            return c == '.' || c == ',';
        }
    }
}
