package io.livemod.gateway.ministry;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * Keyset paging over a projection: each item has a sort key (a string whose natural order is the
 * listing order, unique per item); the cursor is the last key of a page, so items added between
 * two pages neither repeat nor shift the next page.
 */
public final class Paging {
    public static final int MAX_LIMIT = 500; // as for flags

    private Paging() {}

    public record Page<T>(List<T> items, String next) {}

    /** @throws IllegalArgumentException when the cursor was not issued by {@link #page} */
    public static <T> Page<T> page(List<T> items, Function<T, String> sortKey, String cursor, int limit) {
        String after = cursor == null || cursor.isEmpty() ? null : decode(cursor);
        List<T> sorted = items.stream()
                .filter(t -> after == null || sortKey.apply(t).compareTo(after) > 0)
                .sorted(Comparator.comparing(sortKey))
                .limit(limit + 1L)
                .toList();
        if (sorted.size() <= limit) return new Page<>(sorted, null);
        List<T> page = sorted.subList(0, limit);
        return new Page<>(page, encode(sortKey.apply(page.get(limit - 1))));
    }

    /** A fixed-width descending component: larger values sort first. */
    public static String desc(long value) {
        return String.format("%019d", Long.MAX_VALUE - value);
    }

    private static String encode(String key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String cursor) {
        try {
            return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("cursor");
        }
    }
}
