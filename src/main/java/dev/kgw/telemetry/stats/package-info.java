/**
 * {@code telemetry/metrics}: krakend-metrics' counters and histograms, served as JSON on {@code /__stats} from a
 * listener of its own ({@code listen_address}, default {@code :8090}). The names and the flat shape are those of
 * KrakenD's endpoint (go-metrics published through expvar): {@code "krakend.router.response./x.status.200.count": 3},
 * histograms as {@code name.count}, {@code .min}, {@code .max}, {@code .mean}, {@code .std-dev} and
 * {@code .50/.75/.95/.99/.999-percentile}, plus {@code cmdline}.
 * <p>
 * Where it differs, knowingly:
 * <ul>
 * <li>Histograms count every value in log-linear buckets instead of a 1028-value uniform reservoir: count, min, max
 *     and mean are exact, percentiles within about 3%. As in KrakenD they hold the current {@code collection_time}
 *     window only (cleared when it ends), while counters are cumulative.</li>
 * <li>The router's {@code connected}/{@code disconnected} counters both count answered requests (the router's hook
 *     runs once a response has ended), so a request in flight is not yet "connected".</li>
 * <li>Runtime numbers are the JVM's under go-metrics' names ({@code krakend.service.runtime.MemStats.HeapAlloc},
 *     {@code .NumThread}, {@code krakend.service.debug.GCStats.NumGC} ...), read when served; expvar's Go
 *     {@code memstats} object and the Go-only gauges are absent; {@code cmdline} omits the JVM's options.</li>
 * <li>A {@code collection_time} KrakenD cannot parse falls back to 60s there, and a {@code listen_address} that is
 *     not host:port only fails when the listener starts; here both are config errors with their path. A port
 *     that is taken is logged and the node serves its API anyway, as in KrakenD. {@code /__stats/} answers
 *     instead of redirecting.</li>
 * </ul>
 */
package dev.kgw.telemetry.stats;
