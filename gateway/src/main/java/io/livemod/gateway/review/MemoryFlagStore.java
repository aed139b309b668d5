package io.livemod.gateway.review;

import io.livemod.event.Decision;
import io.livemod.event.Flag;
import io.livemod.gateway.http.Paging;
import io.livemod.gateway.review.FlagStore.ClaimResult.Outcome;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;

/**
 * The queue in memory, for a single gateway. Claims live in a map whose {@code compute} is the
 * atomic compare-and-set; they are lost on restart (the flag is simply open again). At most
 * {@code maxFlags} flags are held: beyond that the oldest leave first (counted by the caller of
 * {@link #evictions()}), since a heap that fills up would take the whole gateway down.
 * Writes (the projection's thread, the horizon sweep) take one lock; reads take none.
 */
public final class MemoryFlagStore implements FlagStore {
    private final Clock clock;
    private final int maxFlags;
    private final Map<String, Flag> byId = new ConcurrentHashMap<>();
    private final Map<String, NavigableSet<String>> byPlatform = new ConcurrentHashMap<>();
    private final Map<String, Decision> decisions = new ConcurrentHashMap<>();
    private final Map<String, FlagView.Claim> claims = new ConcurrentHashMap<>();
    private final NavigableSet<Aged> byAge = new ConcurrentSkipListSet<>();
    private final java.util.concurrent.atomic.AtomicLong evictions = new java.util.concurrent.atomic.AtomicLong();

    /** A flag by detection time, oldest first: what the horizon and the cap remove. */
    private record Aged(long detectedAt, String flagId) implements Comparable<Aged> {
        static final java.util.Comparator<Aged> ORDER =
                java.util.Comparator.comparingLong(Aged::detectedAt).thenComparing(Aged::flagId);

        @Override
        public int compareTo(Aged o) {
            return ORDER.compare(this, o);
        }
    }

    public MemoryFlagStore(Clock clock) {
        this(clock, Integer.MAX_VALUE);
    }

    public MemoryFlagStore(Clock clock, int maxFlags) {
        this.clock = clock;
        this.maxFlags = maxFlags;
    }

    @Override
    public synchronized void put(Flag flag) {
        Flag previous = byId.put(flag.flagId(), flag);
        NavigableSet<String> index = byPlatform.computeIfAbsent(flag.platform(), p -> new ConcurrentSkipListSet<>());
        if (previous != null) {
            index.remove(FlagOrder.key(previous));
            byAge.remove(new Aged(previous.detectedAt(), previous.flagId()));
        }
        index.add(FlagOrder.key(flag));
        byAge.add(new Aged(flag.detectedAt(), flag.flagId()));
        while (byId.size() > maxFlags) {
            Aged oldest = byAge.pollFirst();
            if (oldest == null) break;
            forget(oldest.flagId());
            evictions.incrementAndGet();
        }
    }

    @Override
    public synchronized int forgetBefore(long cutoff, int max) {
        int n = 0;
        while (n < max && !byAge.isEmpty() && byAge.first().detectedAt() < cutoff) {
            forget(byAge.pollFirst().flagId());
            n++;
        }
        return n;
    }

    /** Flags dropped because the store was full (not by the horizon), since start. */
    public long evictions() {
        return evictions.get();
    }

    private void forget(String flagId) {
        Flag f = byId.remove(flagId);
        if (f != null) {
            NavigableSet<String> index = byPlatform.get(f.platform());
            if (index != null) index.remove(FlagOrder.key(f));
        }
        decisions.remove(flagId);
        claims.remove(flagId);
    }

    @Override
    public void putDecision(Decision d) {
        // The first decision is the one that counts; a replay or a second writer cannot change it.
        decisions.putIfAbsent(d.flagId(), d);
    }

    @Override
    public Optional<FlagView> get(String platform, String flagId) {
        Flag f = byId.get(flagId);
        return f != null && f.platform().equals(platform) ? Optional.of(view(f)) : Optional.empty();
    }

    @Override
    public Paging.Page<FlagView> list(String platform, FlagQuery q) {
        NavigableSet<String> index = byPlatform.get(platform);
        String after = FlagOrder.fromCursor(q.cursor()); // a bad cursor is refused even on an empty queue
        if (index == null) return new Paging.Page<>(List.of(), null);
        return Paging.scan(
                after,
                q.limit(),
                (from, n) -> {
                    List<String> keys = new ArrayList<>(n);
                    for (String k : from == null ? index : index.tailSet(from, false)) {
                        if (keys.size() == n) break;
                        keys.add(k);
                    }
                    return keys;
                },
                keys -> keys.stream()
                        .map(k -> {
                            Flag f = byId.get(FlagOrder.flagId(k));
                            return f == null ? null : view(f);
                        })
                        .toList(),
                q::matches);
    }

    private FlagView view(Flag f) {
        FlagView.Claim c = claims.get(f.flagId());
        return new FlagView(f, c != null && c.expiresAt() > clock.millis() ? c : null, decisions.get(f.flagId()));
    }

    @Override
    public ClaimResult claim(String flagId, String moderator, Duration ttl) {
        return take(flagId, moderator, ttl, false);
    }

    @Override
    public ClaimResult beginDecision(String flagId, String moderator, Duration lockTtl) {
        return take(flagId, moderator, lockTtl, true);
    }

    private ClaimResult take(String flagId, String moderator, Duration ttl, boolean deciding) {
        long now = clock.millis();
        ClaimResult[] result = new ClaimResult[1];
        claims.compute(flagId, (id, current) -> {
            if (decisions.containsKey(id)) {
                result[0] = new ClaimResult(Outcome.DECIDED, null);
                return current;
            }
            if (current != null && current.expiresAt() > now) {
                if (current.deciding()) {
                    result[0] = new ClaimResult(Outcome.DECIDING, current);
                    return current;
                }
                if (!current.moderator().equals(moderator)) {
                    result[0] = new ClaimResult(Outcome.HELD_BY_OTHER, current);
                    return current;
                }
            }
            FlagView.Claim mine = new FlagView.Claim(id, moderator, now + ttl.toMillis(), deciding);
            result[0] = new ClaimResult(Outcome.CLAIMED, mine);
            return mine;
        });
        return result[0];
    }

    @Override
    public boolean release(String flagId, String moderator) {
        long now = clock.millis();
        boolean[] released = {true};
        claims.computeIfPresent(flagId, (id, c) -> {
            if (c.expiresAt() > now && (c.deciding() || !c.moderator().equals(moderator))) {
                released[0] = false;
                return c;
            }
            return null;
        });
        return released[0];
    }

    @Override
    public void endDecision(String flagId, String moderator, boolean written, Duration claimTtl) {
        long now = clock.millis();
        claims.computeIfPresent(flagId, (id, c) -> {
            if (!c.deciding() || !c.moderator().equals(moderator)) return c;
            return written ? null : new FlagView.Claim(id, moderator, now + claimTtl.toMillis(), false);
        });
    }

    @Override
    public long size() {
        return byId.size();
    }
}
