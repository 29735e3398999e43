package dev.kgw;

/** Names and versions this build reports. */
public final class Build {
    private Build() {}

    public static final String PRODUCT = "kgw";
    public static final String VERSION = "0.1.0";
    /**
     * The KrakenD CE release whose behaviour this build follows. It is what {@code X-Krakend} and the upstream
     * {@code User-Agent} say, so backends and tests written for KrakenD see the same values.
     */
    public static final String KRAKEND_VERSION = "2.13.8";
    public static final String USER_AGENT = "KrakenD Version " + KRAKEND_VERSION;
}
