package io.livemod.gateway.ministry.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.livemod.devstack.RedisServer;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import redis.clients.jedis.RedisClient;

/** The same contract for the memory store and the Redis store (on a real redis-server). */
class ProjectionStoreTest {
    static RedisServer server;
    static RedisClient client;

    @BeforeAll
    static void start() {
        server = RedisServer.start();
        client = RedisClient.create(URI.create(server.uri()));
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    static Stream<Arguments> stores() {
        return Stream.of(
                Arguments.of("memory", new MemoryProjectionStore()),
                Arguments.of("redis", new RedisProjectionStore(client, "test-" + UUID.randomUUID() + ":")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void keepsOnlyNewerVersions(String name, ProjectionStore store) {
        assertThat(store.putIfNewer("ns", "a", 5, "{\"v\":5}")).isTrue();
        assertThat(store.putIfNewer("ns", "a", 3, "{\"v\":3}")).isFalse();
        assertThat(store.putIfNewer("ns", "a", 5, "{\"v\":\"again\"}")).isFalse();
        assertThat(store.get("ns", "a")).hasValue("{\"v\":5}");
        assertThat(store.putIfNewer("ns", "a", 6, "{\"v\":6}")).isTrue();
        store.putIfNewer("ns", "b", 0, "{\"v\":0}");
        assertThat(store.get("ns", "a")).hasValue("{\"v\":6}");
        assertThat(store.get("ns", "zz")).isEmpty();
        assertThat(store.get("other", "a")).isEmpty();
        assertThat(store.all("ns")).containsOnlyKeys("a", "b");
        assertThat(store.getAll("ns", List.of("b", "missing")))
                .containsExactlyEntriesOf(java.util.Map.of("b", "{\"v\":0}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void timedMembersAreRangedHalfOpenOnceEach(String name, ProjectionStore store) {
        long t = 1_764_300_000_000L;
        store.addTimed("t", t + 2, "c");
        store.addTimed("t", t, "a");
        store.addTimed("t", t + 1, "b");
        store.addTimed("t", t, "a");
        store.addTimed("t", t + 3, "d");
        assertThat(store.rangeByTime("t", t, t + 3)).containsExactly("a", "b", "c");
        assertThat(store.rangeByTime("t", t + 1, t + 1)).isEmpty();
        assertThat(store.rangeByTime("t", 0, Long.MAX_VALUE)).containsExactly("a", "b", "c", "d");
    }
}
