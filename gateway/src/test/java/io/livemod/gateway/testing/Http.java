package io.livemod.gateway.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Bearer calls to one gateway (each answer checked against openapi.yaml), and an SSE reader that collects {@code data:} lines. */
public final class Http {
    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    public Http(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    public HttpResponse<String> get(String path, String token) {
        return send(request(path, token).GET().build());
    }

    public HttpResponse<String> post(String path, String token, String body) {
        return send(request(path, token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body == null ? "" : body))
                .build());
    }

    public HttpResponse<String> delete(String path, String token) {
        return send(request(path, token).DELETE().build());
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20));
        if (token != null) b.header("Authorization", "Bearer " + token);
        return b;
    }

    private HttpResponse<String> send(HttpRequest r) {
        try {
            return ApiContract.conforms(client.send(r, HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An open event stream: {@link #data} fills as events arrive; {@link #opened} once the first bytes came. */
    public static final class Sse implements AutoCloseable {
        public final int status;
        public final List<String> data = new CopyOnWriteArrayList<>();
        /** {@code event:} names seen; EventSource's onmessage (the console) sees unnamed events only. */
        public final List<String> names = new CopyOnWriteArrayList<>();

        public volatile boolean opened;
        /** The server ended the stream. */
        public volatile boolean ended;

        private final InputStream in;

        Sse(HttpResponse<InputStream> resp) {
            this.status = resp.statusCode();
            this.in = resp.body();
            Thread t = new Thread(this::read, "sse-test-reader");
            t.setDaemon(true);
            t.start();
        }

        private void read() {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    opened = true;
                    if (line.startsWith("data: ")) data.add(line.substring(6));
                    if (line.startsWith("event:")) names.add(line.substring(6).trim());
                }
                ended = true;
            } catch (IOException closed) {
                // the test closed the stream
            }
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    /** Opens {@code path} as EventSource does: the token in {@code ?access_token=}, no headers. */
    public Sse sse(String path, String token) {
        String sep = path.contains("?") ? "&" : "?";
        HttpRequest r = HttpRequest.newBuilder(
                        URI.create(base + path + (token == null ? "" : sep + "access_token=" + token)))
                .header("Accept", "text/event-stream")
                .GET()
                .build();
        try {
            return new Sse(client.send(r, HttpResponse.BodyHandlers.ofInputStream()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
