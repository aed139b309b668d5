package io.livemod.gateway.review;

import io.livemod.event.Flag;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MemoryFlagStoreTest {
    final MemoryFlagStore store = new MemoryFlagStore();

    static Flag flag(String id, String platform, String severity, long detectedAt) {
        return new Flag(id, platform, "s1", "c-" + id, "u1", "t", "keyword", "profanity", severity, List.of(), "v1", 0, detectedAt, "open");
    }

    @Test
    void listsMostSevereThenNewestFirst() {
        store.put(flag("a", "p", "low", 3));
        store.put(flag("b", "p", "critical", 1));
        store.put(flag("c", "p", "critical", 2));
        store.put(flag("d", "p", "medium", 9));
        var page = store.list("p", new FlagQuery(null, null, null, null, 10, null));
        assertThat(page.items()).extracting(Flag::flagId).containsExactly("c", "b", "d", "a");
        assertThat(page.next()).isNull();
    }

    @Test
    void cursorPagesThroughEverythingOnce() {
        for (int i = 0; i < 25; i++) store.put(flag("f" + i, "p", i % 2 == 0 ? "high" : "low", i));
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var page = store.list("p", new FlagQuery(null, null, null, null, 7, cursor));
            page.items().forEach(f -> seen.add(f.flagId()));
            cursor = page.next();
        } while (cursor != null);
        assertThat(seen).hasSize(25).doesNotHaveDuplicates();
    }

    @Test
    void neverAnswersAcrossPlatforms() {
        store.put(flag("a", "gapo", "high", 1));
        assertThat(store.get("vng", "a")).isEmpty();
        assertThat(store.get("gapo", "a")).isPresent();
        assertThat(store.list("vng", new FlagQuery(null, null, null, null, 10, null)).items()).isEmpty();
    }

    @Test
    void anUpdateReplacesTheFlagAndFiltersApply() {
        store.put(flag("a", "p", "high", 1));
        store.put(flag("a", "p", "high", 1).withStatus("decided"));
        assertThat(store.list("p", new FlagQuery("open", null, null, null, 10, null)).items()).isEmpty();
        assertThat(store.list("p", new FlagQuery("decided", null, null, null, 10, null)).items()).hasSize(1);
        assertThat(store.size()).isEqualTo(1);
    }

    @Test
    void aForgedCursorIsRefused() {
        assertThatThrownBy(() -> store.list("p", new FlagQuery(null, null, null, null, 10, "bm90LWEtY3Vyc29y")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
