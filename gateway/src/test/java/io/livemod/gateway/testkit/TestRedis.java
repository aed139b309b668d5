package io.livemod.gateway.testkit;

import io.livemod.devstack.RedisServer;
import io.vertx.core.Vertx;
import java.net.URI;
import redis.clients.jedis.RedisClient;

/** A real redis-server with a Jedis client and a Vert.x for the stores' worker threads. */
public final class TestRedis implements AutoCloseable {
    public final RedisServer server = RedisServer.start();
    public final RedisClient client = RedisClient.create(URI.create(server.uri()));
    public final Vertx vertx = Vertx.vertx();

    @Override
    public void close() {
        client.close();
        vertx.close().await();
        server.close();
    }
}
