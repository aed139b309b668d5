package io.livemod.gateway.review;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The paging walk both stores share: read order keys after the cursor in batches, load their
 * views, keep those the query matches. A scan stops after {@link #MAX_SCAN} keys so a selective
 * filter over a long queue cannot make one request walk everything; the page then ends early with
 * a cursor to continue.
 */
final class FlagPager {
    static final int MAX_SCAN = 5_000;

    private FlagPager() {}

    /**
     * @param keysAfter (exclusive start key or null, n) → up to n order keys, ascending
     * @param load      order keys → their views, null where a flag is missing
     */
    static FlagStore.Page page(FlagQuery q, BiFunction<String, Integer, List<String>> keysAfter,
                               Function<List<String>, List<FlagView>> load) {
        String after = FlagOrder.fromCursor(q.cursor());
        List<FlagView> out = new ArrayList<>(q.limit());
        String lastReturned = null;
        int scanned = 0;
        int batch = Math.min(Math.max(q.limit() * 2, 64), 1000);
        while (true) {
            List<String> keys = keysAfter.apply(after, batch);
            if (keys.isEmpty()) return new FlagStore.Page(out, null);
            List<FlagView> views = load.apply(keys);
            for (int i = 0; i < keys.size(); i++) {
                FlagView v = views.get(i);
                if (v == null || !q.matches(v)) continue;
                // One more match than the page holds: there is a next page, starting after the last one returned.
                if (out.size() == q.limit()) return new FlagStore.Page(out, FlagOrder.cursor(lastReturned));
                out.add(v);
                lastReturned = keys.get(i);
            }
            after = keys.get(keys.size() - 1);
            scanned += keys.size();
            if (keys.size() < batch) return new FlagStore.Page(out, null);
            if (scanned >= MAX_SCAN) return new FlagStore.Page(out, FlagOrder.cursor(after));
        }
    }
}
