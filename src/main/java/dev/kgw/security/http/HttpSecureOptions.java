package dev.kgw.security.http;

import com.google.re2j.Pattern;
import java.util.List;
import java.util.Map;

/**
 * {@code security/http}: unrolled/secure v1.15.0's options as krakend-httpsecure reads them.
 *
 * @param hostPatterns the {@code allowed_hosts} compiled as {@code ^host$} when they are regexes, else empty
 * @param frameOptions the {@code X-Frame-Options} value ({@code custom_frame_options_value}, else DENY with
 *                     {@code frame_deny}), or null
 */
record HttpSecureOptions(List<String> allowedHosts, List<Pattern> hostPatterns, boolean hostsAreRegex,
                         List<String> hostProxyHeaders, boolean sslRedirect, String sslHost,
                         Map<String, String> sslProxyHeaders, long stsSeconds, boolean stsIncludeSubdomains,
                         boolean forceStsHeader, String frameOptions, boolean contentTypeNosniff,
                         boolean browserXssFilter, String contentSecurityPolicy, String referrerPolicy,
                         boolean isDevelopment) {}
