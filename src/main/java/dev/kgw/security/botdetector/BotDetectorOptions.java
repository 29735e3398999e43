package dev.kgw.security.botdetector;

import com.google.re2j.Pattern;
import java.util.List;
import java.util.Set;

/** {@code security/bot-detector} at one scope: exact lists, RE2 patterns, the decision cache's size (0: none). */
record BotDetectorOptions(Set<String> allow, Set<String> deny, List<Pattern> patterns, int cacheSize,
                          boolean emptyUserAgentIsBot) {}
