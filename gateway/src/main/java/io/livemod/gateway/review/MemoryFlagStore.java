package io.livemod.gateway.review;

import io.livemod.event.Flag;
import io.livemod.rules.Severity;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;

/** Flags in memory, per platform, ordered most severe then newest first: for a single node. */
public final class MemoryFlagStore implements FlagStore {
    /** Sort key: severity rank descending, detectedAt descending, flagId for a total order. */
    record Key(int severity, long detectedAt, String flagId) {}

    private static final Comparator<Key> ORDER = Comparator.comparingInt(Key::severity).reversed()
            .thenComparing(Comparator.comparingLong(Key::detectedAt).reversed())
            .thenComparing(Key::flagId);

    private final Map<String, Flag> byId = new ConcurrentHashMap<>();
    private final Map<String, NavigableSet<Key>> byPlatform = new ConcurrentHashMap<>();

    @Override
    public void put(Flag flag) {
        Flag previous = byId.put(flag.flagId(), flag);
        NavigableSet<Key> index = byPlatform.computeIfAbsent(flag.platform(), p -> new ConcurrentSkipListSet<>(ORDER));
        if (previous != null) index.remove(key(previous));
        index.add(key(flag));
    }

    @Override
    public Optional<Flag> get(String platform, String flagId) {
        Flag f = byId.get(flagId);
        return f != null && f.platform().equals(platform) ? Optional.of(f) : Optional.empty();
    }

    @Override
    public Page list(String platform, FlagQuery q) {
        Key after = decode(q.cursor());
        NavigableSet<Key> index = byPlatform.get(platform);
        if (index == null) return new Page(List.of(), null);
        List<Flag> out = new ArrayList<>(q.limit());
        Key last = null;
        for (Key k : after == null ? index : index.tailSet(after, false)) {
            Flag f = byId.get(k.flagId());
            if (f == null || !matches(f, q)) continue;
            if (out.size() == q.limit()) return new Page(out, encode(last));
            out.add(f);
            last = k;
        }
        return new Page(out, null);
    }

    @Override
    public long size() {
        return byId.size();
    }

    static boolean matches(Flag f, FlagQuery q) {
        return (q.status() == null || q.status().equals(f.status()))
                && (q.streamId() == null || q.streamId().equals(f.streamId()))
                && (q.category() == null || q.category().equals(f.category()))
                && (q.severity() == null || q.severity().equals(f.severity()));
    }

    static Key key(Flag f) {
        return new Key(Severity.fromWire(f.severity()).ordinal(), f.detectedAt(), f.flagId());
    }

    static String encode(Key k) {
        String raw = k.severity() + ":" + k.detectedAt() + ":" + k.flagId();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** @throws IllegalArgumentException for a cursor this store did not make */
    static Key decode(String cursor) {
        if (cursor == null || cursor.isEmpty()) return null;
        String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(":", 3);
        // Base64 and number errors are IllegalArgumentExceptions too: every bad cursor fails alike.
        if (parts.length != 3) throw new IllegalArgumentException("cursor");
        return new Key(Integer.parseInt(parts[0]), Long.parseLong(parts[1]), parts[2]);
    }
}
