package io.livemod.rules;

import io.livemod.rules.YamlTree.MapNode;
import io.livemod.rules.YamlTree.Node;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The optional {@code rates:} section. Every threshold is optional and defaults to
 * {@link RateLimits#DEFAULTS}; windows are written {@code 500ms}, {@code 10s}, {@code 5m},
 * {@code 2h}, {@code 30d} or ISO-8601 ({@code PT10S}).
 */
final class RatesReader {
    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})\\s*(ms|s|m|h|d)");
    private static final Map<String, Set<String>> FIELDS = Map.of(
            "userFlood", Set.of("count", "window"),
            "duplicate", Set.of("users", "window"),
            "campaign", Set.of("streams", "platforms", "window"),
            "spike", Set.of("factor", "minimum"),
            "offenderShort", Set.of("count", "window"),
            "offenderLong", Set.of("count", "window"));

    private RatesReader() {}

    static RateLimits read(RuleSetReader r, MapNode rates) throws RuleSetException {
        r.known(rates, FIELDS.keySet(), "rates.");
        RateLimits d = RateLimits.DEFAULTS;
        MapNode uf = section(r, rates, "userFlood"),
                du = section(r, rates, "duplicate"),
                ca = section(r, rates, "campaign"),
                sp = section(r, rates, "spike"),
                os = section(r, rates, "offenderShort"),
                ol = section(r, rates, "offenderLong");
        return new RateLimits(
                count(r, uf, "userFlood", "count", d.userFloodCount()),
                window(r, uf, "userFlood", d.userFloodWindow()),
                count(r, du, "duplicate", "users", d.duplicateUsers()),
                window(r, du, "duplicate", d.duplicateWindow()),
                count(r, ca, "campaign", "streams", d.campaignStreams()),
                count(r, ca, "campaign", "platforms", d.campaignPlatforms()),
                window(r, ca, "campaign", d.campaignWindow()),
                factor(r, sp, d.spikeFactor()),
                count(r, sp, "spike", "minimum", d.spikeMinimum()),
                count(r, os, "offenderShort", "count", d.offenderShortCount()),
                window(r, os, "offenderShort", d.offenderShortWindow()),
                count(r, ol, "offenderLong", "count", d.offenderLongCount()),
                window(r, ol, "offenderLong", d.offenderLongWindow()));
    }

    private static MapNode section(RuleSetReader r, MapNode rates, String name) throws RuleSetException {
        Node n = rates.entries().get(name);
        if (n == null) return null;
        MapNode m = r.map(n, "rates." + name);
        r.known(m, FIELDS.get(name), "rates." + name + ".");
        return m;
    }

    private static int count(RuleSetReader r, MapNode m, String section, String key, int dflt) throws RuleSetException {
        if (m == null || !m.entries().containsKey(key)) return dflt;
        Node n = m.entries().get(key);
        String f = "rates." + section + "." + key;
        try {
            int v = Integer.parseInt(r.text(n, f).trim());
            if (v < 1) throw r.error(n, f, "must be at least 1");
            return v;
        } catch (NumberFormatException e) {
            throw r.error(n, f, "expected a whole number");
        }
    }

    private static double factor(RuleSetReader r, MapNode m, double dflt) throws RuleSetException {
        if (m == null || !m.entries().containsKey("factor")) return dflt;
        Node n = m.entries().get("factor");
        try {
            double v = Double.parseDouble(r.text(n, "rates.spike.factor").trim());
            if (!(v > 1.0) || Double.isInfinite(v)) throw r.error(n, "rates.spike.factor", "must be a number above 1");
            return v;
        } catch (NumberFormatException e) {
            throw r.error(n, "rates.spike.factor", "expected a number");
        }
    }

    private static Duration window(RuleSetReader r, MapNode m, String section, Duration dflt) throws RuleSetException {
        if (m == null || !m.entries().containsKey("window")) return dflt;
        Node n = m.entries().get("window");
        String f = "rates." + section + ".window";
        Duration d = parseDuration(r.text(n, f).trim());
        if (d == null || d.isNegative() || d.isZero())
            throw r.error(n, f, "expected a positive duration like 10s, 5m, 2h, 30d");
        return d;
    }

    static Duration parseDuration(String s) {
        Matcher m = DURATION.matcher(s);
        if (m.matches()) {
            long v = Long.parseLong(m.group(1));
            switch (m.group(2)) {
                case "ms":
                    return Duration.ofMillis(v);
                case "s":
                    return Duration.ofSeconds(v);
                case "m":
                    return Duration.ofMinutes(v);
                case "h":
                    return Duration.ofHours(v);
                default:
                    return Duration.ofDays(v);
            }
        }
        try {
            return Duration.parse(s);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static String formatDuration(Duration d) {
        long ms = d.toMillis();
        if (ms % 86_400_000L == 0) return ms / 86_400_000L + "d";
        if (ms % 3_600_000L == 0) return ms / 3_600_000L + "h";
        if (ms % 60_000L == 0) return ms / 60_000L + "m";
        if (ms % 1000L == 0) return ms / 1000L + "s";
        return ms + "ms";
    }
}
