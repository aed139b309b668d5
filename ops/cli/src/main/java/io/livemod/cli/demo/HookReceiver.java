package io.livemod.cli.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.livemod.sdk.webhook.WebhookEvent;
import io.livemod.sdk.webhook.WebhookException;
import io.livemod.sdk.webhook.WebhookVerifier;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The simulated platform's webhook endpoint, on loopback only: verifies each delivery with the
 * platform's {@code whsec_} secret (a forged one is answered 400 and ignored), acts once per
 * {@code webhook-id} (retries repeat it), and queues the events for the demo.
 */
final class HookReceiver implements AutoCloseable {
    private final HttpServer server;
    private final AtomicReference<WebhookVerifier> verifier = new AtomicReference<>();
    private final Set<String> seen = ConcurrentHashMap.newKeySet();
    final BlockingQueue<WebhookEvent> events = new LinkedBlockingQueue<>();
    final BlockingQueue<String> refused = new LinkedBlockingQueue<>();

    HookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the webhook receiver on loopback", e);
        }
        server.createContext("/hooks", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
    }

    /** Deliveries are verified with this secret from now on (it arrives once the platform is registered). */
    void verifyWith(String whsec) {
        verifier.set(WebhookVerifier.of(whsec));
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            byte[] body = ex.getRequestBody().readAllBytes();
            WebhookVerifier v = verifier.get();
            if (v == null) {
                ex.sendResponseHeaders(503, -1); // not ready yet: the gateway retries
                return;
            }
            try {
                WebhookEvent e = v.verify(ex.getRequestHeaders()::getFirst, body);
                if (seen.add(e.id())) events.add(e);
                ex.sendResponseHeaders(204, -1);
            } catch (WebhookException e) {
                refused.add(e.getMessage());
                ex.sendResponseHeaders(400, -1);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
