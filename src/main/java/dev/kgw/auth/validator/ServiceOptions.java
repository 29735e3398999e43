package dev.kgw.auth.validator;

import java.time.Duration;

/** The service-level {@code auth/validator}: only {@code shared_cache_duration} (900 s when 0). */
public record ServiceOptions(Duration sharedCacheDuration) {}
