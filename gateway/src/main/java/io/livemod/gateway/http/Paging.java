package io.livemod.gateway.http;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Keyset paging, the one implementation behind every listing (flags, alerts, takedowns, audit).
 * Each item has a sort key (a string whose natural order is the listing order, unique per item);
 * the cursor is the last key of a page, Base64url-encoded, so items added between two pages neither
 * repeat nor shift the next page. {@link #page} pages a list in memory; {@link #scan} walks a
 * store's ordered keys (the flags queue, in memory or a Redis sorted set).
 */
public final class Paging {
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;
    /** A scan stops after this many keys so a selective filter over a long queue cannot walk it all in one request. */
    public static final int MAX_SCAN = 5_000;

    private Paging() {}

    public record Page<T>(List<T> items, String next) {}

    /** @throws IllegalArgumentException when the cursor was not issued by a page */
    public static <T> Page<T> page(List<T> items, Function<T, String> sortKey, String cursor, int limit) {
        String after = key(cursor);
        List<T> sorted = items.stream()
                .filter(t -> after == null || sortKey.apply(t).compareTo(after) > 0)
                .sorted(Comparator.comparing(sortKey))
                .limit(limit + 1L)
                .toList();
        if (sorted.size() <= limit) return new Page<>(sorted, null);
        List<T> page = sorted.subList(0, limit);
        return new Page<>(page, cursor(sortKey.apply(page.get(limit - 1))));
    }

    /**
     * Reads keys after {@code after} in batches, loads their items, keeps those {@code matches}
     * accepts. After {@link #MAX_SCAN} keys the page ends early, with a cursor to continue.
     *
     * @param after     the exclusive start key ({@link #key} of the request's cursor), null for the first page
     * @param keysAfter (exclusive start key or null, n) → up to n keys, ascending
     * @param load      keys → their items, null where one is missing
     */
    public static <T> Page<T> scan(
            String after,
            int limit,
            BiFunction<String, Integer, List<String>> keysAfter,
            Function<List<String>, List<T>> load,
            Predicate<T> matches) {
        List<T> out = new ArrayList<>(limit);
        String lastReturned = null;
        int scanned = 0;
        int batch = Math.min(Math.max(limit * 2, 64), 1000);
        while (true) {
            List<String> keys = keysAfter.apply(after, batch);
            if (keys.isEmpty()) return new Page<>(out, null);
            List<T> items = load.apply(keys);
            for (int i = 0; i < keys.size(); i++) {
                T item = items.get(i);
                if (item == null || !matches.test(item)) continue;
                // One more match than the page holds: there is a next page, starting after the last one returned.
                if (out.size() == limit) return new Page<>(out, cursor(lastReturned));
                out.add(item);
                lastReturned = keys.get(i);
            }
            after = keys.get(keys.size() - 1);
            scanned += keys.size();
            if (keys.size() < batch) return new Page<>(out, null);
            if (scanned >= MAX_SCAN) return new Page<>(out, cursor(after));
        }
    }

    /** A fixed-width descending component: larger values sort first. */
    public static String desc(long value) {
        return String.format("%019d", Long.MAX_VALUE - value);
    }

    /** The cursor that continues after {@code key}. */
    public static String cursor(String key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
    }

    /** The key a cursor continues after; null for none. @throws IllegalArgumentException for a cursor no page issued */
    public static String key(String cursor) {
        if (cursor == null || cursor.isEmpty()) return null;
        try {
            return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("cursor");
        }
    }
}
