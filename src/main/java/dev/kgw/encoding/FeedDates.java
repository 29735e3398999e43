package dev.kgw.encoding;

import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * gofeed's ParseDate: the first of a long list of Go layouts that accepts the text wins. The
 * list and its order are gofeed v1.2.1's, because the order decides which reading of an
 * ambiguous date (01/02 vs 02/01) KrakenD reports.
 */
final class FeedDates {

    private static final String[] FORMATS = {
        "02 Jan 06 15:04 MST", // RFC822
        "02 Jan 06 15:04 -0700", // RFC822Z
        "2006-01-02T15:04:05Z07:00", // RFC3339
        "Mon Jan _2 15:04:05 MST 2006", // UnixDate
        "Mon Jan 02 15:04:05 -0700 2006", // RubyDate
        "Monday, 02-Jan-06 15:04:05 MST", // RFC850
        "Mon, 02 Jan 2006 15:04:05 -0700", // RFC1123Z
        "Mon, 02 Jan 2006 15:04:05 MST", // RFC1123
        "Mon Jan _2 15:04:05 2006", // ANSIC
        "Mon, January 2 2006 15:04:05 -0700",
        "Mon, Jan 2 2006 15:04:05 -700",
        "Mon, Jan 2 2006 15:04:05 -0700",
        "Mon Jan 2 15:04 2006",
        "Mon Jan 02, 2006 3:04 pm",
        "Mon Jan 02 2006 15:04:05 -0700",
        "Mon Jan 02 2006 15:04:05 GMT-0700 (MST)",
        "Monday, January 2, 2006 03:04 PM",
        "Monday, January 2, 2006",
        "Monday, January 02, 2006",
        "Monday, 2 January 2006 15:04:05 -0700",
        "Monday, 2 Jan 2006 15:04:05 -0700",
        "Monday, 02 January 2006 15:04:05 -0700",
        "Monday, 02 January 2006 15:04:05",
        "Mon, 2 January 2006, 15:04 -0700",
        "Mon, 2 January 2006 15:04:05 -0700",
        "Mon, 2 January 2006",
        "Mon, 2 Jan 2006 3:04:05 PM -0700",
        "Mon, 2 Jan 2006 15:4:5 -0700 GMT",
        "Mon, 2, Jan 2006 15:4",
        "Mon, 2 Jan 2006, 15:04 -0700",
        "Mon, 2 Jan 2006 15:04 -0700",
        "Mon, 2 Jan 2006 15:04:05 UT",
        "Mon, 2 Jan 2006 15:04:05 -0700 MST",
        "Mon, 2 Jan 2006 15:04:05-0700",
        "Mon, 2 Jan 2006 15:04:05 -0700",
        "Mon, 2 Jan 2006 15:04:05",
        "Mon, 2 Jan 2006 15:04",
        "Mon,2 Jan 2006",
        "Mon, 2 Jan 2006",
        "Mon, 2 Jan 06 15:04:05 -0700",
        "Mon, 2006-01-02 15:04",
        "Mon, 02 January 2006",
        "Mon, 02 Jan 2006 15 -0700",
        "Mon, 02 Jan 2006 15:04 -0700",
        "Mon, 02 Jan 2006 15:04:05 Z",
        "Mon, 02 Jan 2006 15:04:05 UT",
        "Mon, 02 Jan 2006 15:04:05 MST-07:00",
        "Mon, 02 Jan 2006 15:04:05 MST -0700",
        "Mon, 02 Jan 2006 15:04:05 GMT-0700",
        "Mon,02 Jan 2006 15:04:05 -0700",
        "Mon, 02 Jan 2006 15:04:05 -0700",
        "Mon, 02 Jan 2006 15:04:05 -07:00",
        "Mon, 02 Jan 2006 15:04:05 --0700",
        "Mon 02 Jan 2006 15:04:05 -0700",
        "Mon, 02 Jan 2006 15:04:05 -07",
        "Mon, 02 Jan 2006 15:04:05 00",
        "Mon, 02 Jan 2006 15:04:05",
        "Mon, 02 Jan 2006 15:4:5 Z",
        "Mon, 02 Jan 2006",
        "January 2, 2006 3:04 PM",
        "January 2, 2006, 3:04 p.m.",
        "January 2, 2006 15:04:05",
        "January 2, 2006 03:04 PM",
        "January 2, 2006",
        "January 02, 2006 15:04",
        "January 02, 2006 03:04 PM",
        "January 02, 2006",
        "Jan 2, 2006 3:04:05 PM",
        "Jan 2, 2006",
        "Jan 02 2006 03:04:05PM",
        "Jan 02, 2006",
        "6/1/2 15:04",
        "6-1-2 15:04",
        "2 January 2006 15:04:05 -0700",
        "2 January 2006",
        "2 Jan 2006 15:04:05 Z",
        "2 Jan 2006 15:04:05 -0700",
        "2 Jan 2006",
        "2.1.2006 15:04:05",
        "2/1/2006",
        "2-1-2006",
        "2006 January 02",
        "2006-1-2T15:04:05Z",
        "2006-1-2 15:04:05",
        "2006-1-2",
        "2006-1-02T15:04:05Z",
        "2006-01-02T15:04Z",
        "2006-01-02T15:04-07:00",
        "2006-01-02T15:04:05Z",
        "2006-01-02T15:04:05-07:00:00",
        "2006-01-02T15:04:05:-0700",
        "2006-01-02T15:04:05-0700",
        "2006-01-02T15:04:05-07:00",
        "2006-01-02T15:04:05 -0700",
        "2006-01-02T15:04:05:00",
        "2006-01-02T15:04:05",
        "2006-01-02 at 15:04:05",
        "2006-01-02 15:04:05Z",
        "2006-01-02 15:04:05-0700",
        "2006-01-02 15:04:05-07:00",
        "2006-01-02 15:04:05 -0700",
        "2006-01-02 15:04",
        "2006-01-02 00:00:00.0 15:04:05.0 -0700",
        "2006/01/02",
        "2006-01-02",
        "15:04 02.01.2006 -0700",
        "1/2/2006 3:04:05 PM",
        "1/2/2006",
        "06/1/2 15:04",
        "06-1-2 15:04",
        "02 Monday, Jan 2006 15:04",
        "02 Jan 2006 15:04:05 UT",
        "02 Jan 2006 15:04:05 -0700",
        "02 Jan 2006 15:04:05",
        "02 Jan 2006",
        "02.01.2006 15:04:05",
        "02/01/2006 15:04:05",
        "02.01.2006 15:04",
        "02/01/2006 - 15:04",
        "02.01.2006 -0700",
        "02/01/2006",
        "02-01-2006",
        "01/02/2006 3:04 PM",
        "01/02/2006 - 15:04",
        "01/02/2006",
        "01-02-2006",
    };

    /** Formats whose zone name gofeed tries to load as a location after matching. */
    private static final String[] NAMED_ZONE_FORMATS = {
        "Mon, January 02, 2006, 15:04:05 MST",
        "Mon, January 02, 2006 15:04:05 MST",
        "Mon, Jan 2, 2006 15:04 MST",
        "Mon, Jan 2 2006 15:04 MST",
        "Mon, Jan 2, 2006 15:04:05 MST",
        "Mon Jan 2 15:04:05 2006 MST",
        "Mon, Jan 02,2006 15:04:05 MST",
        "Monday, January 2, 2006 15:04:05 MST",
        "Monday, 2 January 2006 15:04:05 MST",
        "Monday, 2 Jan 2006 15:04:05 MST",
        "Monday, 02 January 2006 15:04:05 MST",
        "Mon, 2 January 2006 15:04 MST",
        "Mon, 2 January 2006, 15:04:05 MST",
        "Mon, 2 January 2006 15:04:05 MST",
        "Mon, 2 Jan 2006 15:4:5 MST",
        "Mon, 2 Jan 2006 15:04 MST",
        "Mon, 2 Jan 2006 15:04:05MST",
        "Mon, 2 Jan 2006 15:04:05 MST",
        "Mon 2 Jan 2006 15:04:05 MST",
        "mon,2 Jan 2006 15:04:05 MST",
        "Mon, 2 Jan 15:04:05 MST",
        "Mon, 2 Jan 06 15:04:05 MST",
        "Mon,02 January 2006 14:04:05 MST",
        "Mon, 02 Jan 2006 3:04:05 PM MST",
        "Mon,02 Jan 2006 15:04 MST",
        "Mon, 02 Jan 2006 15:04 MST",
        "Mon, 02 Jan 2006, 15:04:05 MST",
        "Mon, 02 Jan 2006 15:04:05MST",
        "Mon, 02 Jan 2006 15:04:05 MST",
        "Mon , 02 Jan 2006 15:04:05 MST",
        "Mon, 02 Jan 06 15:04:05 MST",
        "January 2, 2006 15:04:05 MST",
        "January 02, 2006 15:04:05 MST",
        "Jan 2, 2006 3:04:05 PM MST",
        "Jan 2, 2006 15:04:05 MST",
        "2 January 2006 15:04:05 MST",
        "2 Jan 2006 15:04:05 MST",
        "2006-01-02 15:04:05 MST",
        "1/2/2006 3:04:05 PM MST",
        "1/2/2006 15:04:05 MST",
        "02 Jan 2006 15:04 MST",
        "02 Jan 2006 15:04:05 MST",
        "02/01/2006 15:04 MST",
        "02-01-2006 15:04:05 MST",
        "01/02/2006 15:04:05 MST",
    };

    private FeedDates() {
    }

    /** The parsed date in the offset it was written with, or null when no layout matches. */
    static GoTime.Parsed parse(String text) {
        String d = FeedText.trimSpace(text);
        if (d.isEmpty()) {
            return null;
        }
        for (String f : FORMATS) {
            GoTime.Parsed t = GoTime.parse(f, d);
            if (t != null) {
                return t;
            }
        }
        for (String f : NAMED_ZONE_FORMATS) {
            GoTime.Parsed t = GoTime.parse(f, d);
            if (t == null) {
                continue;
            }
            // gofeed reloads the abbreviation as a location (works for names like EST or CET
            // that are also zone ids) and re-parses in it; otherwise the zero offset stays.
            String zone = t.zoneName();
            if (zone != null && ZoneId.getAvailableZoneIds().contains(zone)) {
                ZoneOffset off = ZoneId.of(zone).getRules().getOffset(t.wall());
                return new GoTime.Parsed(t.wall(), off.getTotalSeconds(), zone);
            }
            return t;
        }
        return null;
    }
}
