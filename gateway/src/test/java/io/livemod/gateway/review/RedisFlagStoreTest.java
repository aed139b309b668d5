package io.livemod.gateway.review;

import io.livemod.devstack.RedisServer;
import io.livemod.gateway.testing.MutableClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import redis.clients.jedis.RedisClient;

/** The same contract on a real redis-server (fails, never skips, when redis-server is missing). */
class RedisFlagStoreTest extends FlagStoreContract {
    static RedisServer server;
    static RedisClient client;

    @BeforeAll
    static void startRedis() {
        server = RedisServer.start();
        client = RedisClient.create(java.net.URI.create(server.uri()));
    }

    @AfterAll
    static void stopRedis() {
        if (client != null) client.close();
        if (server != null) server.close();
    }

    @Override
    FlagStore newStore(MutableClock clock) {
        client.flushAll();
        return new RedisFlagStore(client, clock);
    }
}
