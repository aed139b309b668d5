package io.livemod.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import io.livemod.sdk.ingest.Batcher;
import io.livemod.sdk.ingest.Comment;
import io.livemod.sdk.ingest.Event;
import io.livemod.sdk.ingest.EventJson;
import io.livemod.sdk.ingest.IngestResult;
import io.livemod.sdk.ingest.StreamEvent;
import io.livemod.sdk.signing.RequestSigner;
import io.livemod.sdk.stream.LiveSocket;
import io.livemod.sdk.takedown.Takedown;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A platform's connection to a Livemod gateway: signed ingest over HTTP (with retries and
 * idempotent resends), a {@link Batcher} for comment streams, a {@link LiveSocket} for WebSocket
 * ingest, and the takedown requests addressed to the platform. Thread-safe.
 *
 * <pre>{@code
 * LivemodClient client = LivemodClient.builder(URI.create("https://livemod.example"), "vtv-go", secret).build();
 * IngestResult r = client.sendComments(List.of(Comment.of("c-1", "live-1", "u-1", "xin chào", Instant.now())));
 * }</pre>
 */
public final class LivemodClient {
    /** Route for comment batches. */
    public static final String COMMENTS = "/v1/ingest/comments";
    /** Route for stream-event batches. */
    public static final String STREAM_EVENTS = "/v1/ingest/stream-events";
    /** Most events the gateway takes in one batch or frame. */
    public static final int MAX_EVENTS = 1000;
    /** Largest body the gateway takes. */
    public static final int MAX_BYTES = 1024 * 1024;

    private final URI gateway;
    private final RequestSigner signer;
    private final HttpClient http;
    private final Clock clock;
    private final RetryPolicy retry;
    private final SignedHttp signed;

    private LivemodClient(Builder b) {
        this.gateway = b.gateway;
        this.signer = new RequestSigner(b.platform, b.secret);
        this.http = b.http != null
                ? b.http
                : HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        this.clock = b.clock;
        this.retry = b.retry;
        this.signed = new SignedHttp(gateway, signer, http, clock, retry, b.timeout);
    }

    /**
     * @param gateway  the gateway's base URL, e.g. {@code https://livemod.example}
     * @param platform the platform id
     * @param secret   the platform's request-signing secret
     * @return a builder with the default retry policy and the system clock
     */
    public static Builder builder(URI gateway, String platform, String secret) {
        return new Builder(gateway, platform, secret);
    }

    /**
     * Sends comments in one signed batch. Retries failures as the policy says with the same ids, so a
     * batch that was stored before its answer was lost comes back as duplicates, not twice; events
     * refused as {@code in_flight} (another request is writing them) are resent too.
     *
     * @param comments at most {@value #MAX_EVENTS}
     * @return what the gateway stored, already had and refused
     * @throws LivemodException when the gateway refused the batch, or retries ran out
     */
    public IngestResult sendComments(List<Comment> comments) {
        return send(COMMENTS, comments);
    }

    /**
     * Sends stream events (see {@link StreamEvent}'s helpers) in one signed batch, like {@link #sendComments}.
     *
     * @param events at most {@value #MAX_EVENTS}
     * @return what the gateway stored, already had and refused
     */
    public IngestResult sendStreamEvents(List<StreamEvent> events) {
        return send(STREAM_EVENTS, events);
    }

    private IngestResult send(String path, List<? extends Event> events) {
        if (events.isEmpty()) return new IngestResult(0, 0, List.of());
        return send(path, events, EventJson.array(events, false));
    }

    private IngestResult send(String path, List<? extends Event> events, byte[] body) {
        if (events.size() > MAX_EVENTS)
            throw new IllegalArgumentException("events: at most " + MAX_EVENTS + " per batch, got " + events.size());
        IngestResult result = IngestResult.from(
                signed.send("POST", path, body, "application/json").json());
        for (int attempt = 1;
                attempt < retry.maxAttempts() && !result.inFlight().isEmpty();
                attempt++) {
            List<Integer> again = result.inFlight();
            SignedHttp.sleep(retry.delay(attempt, 0)); // another request holds them: it stores them or lets go shortly
            List<Event> resend = new ArrayList<>();
            for (int i : again) resend.add(events.get(i));
            result = result.merge(
                    again,
                    IngestResult.from(signed.send("POST", path, EventJson.array(resend, false), "application/json")
                            .json()));
        }
        return result;
    }

    /**
     * A batcher that collects comments and sends them when {@code maxEvents} or {@code maxBytes} is
     * reached or {@code linger} has passed since the first one waiting.
     *
     * @param settings limits
     * @return a started batcher; close it to flush and stop
     */
    public Batcher batcher(Batcher.Settings settings) {
        return new Batcher((events, body) -> send(COMMENTS, events, body), settings);
    }

    /**
     * Opens a WebSocket to the gateway's ingest ({@code GET /v1/ingest/ws}, signed over an empty body).
     *
     * @param maxUnacked frames sent and not yet acknowledged before {@link LiveSocket#send} waits
     * @return the connected socket
     */
    public LiveSocket openSocket(int maxUnacked) {
        return LiveSocket.connect(http, gateway, signer, clock, retry, maxUnacked);
    }

    /**
     * The takedown requests addressed to this platform, newest first (one page).
     *
     * @param status {@code open}, {@code done}, {@code overdue}, or {@code null} for all
     * @return the requests
     */
    public List<Takedown> takedowns(String status) {
        String path = "/v1/platform/takedowns"
                + (status == null ? "" : "?status=" + URLEncoder.encode(status, StandardCharsets.UTF_8));
        List<Takedown> out = new ArrayList<>();
        for (JsonNode t : signed.send("GET", path, null, null).json().path("items")) out.add(Takedown.from(t));
        return out;
    }

    /**
     * Answers a takedown request: the content is down. Answering twice changes nothing.
     *
     * @param takedownId the request's id
     * @param note       what was done, or {@code null} (at most 2000 characters)
     * @return the request as it now stands, or {@code null} when the gateway accepted the answer but
     *         has not shown it yet (202)
     */
    public Takedown answerTakedown(String takedownId, String note) {
        Objects.requireNonNull(takedownId, "takedownId");
        String path = "/v1/takedowns/" + URLEncoder.encode(takedownId, StandardCharsets.UTF_8) + "/done";
        byte[] body = note == null
                ? "{}".getBytes(StandardCharsets.UTF_8)
                : SignedHttp.JSON
                        .createObjectNode()
                        .put("note", note)
                        .toString()
                        .getBytes(StandardCharsets.UTF_8);
        SignedHttp.Response r = signed.send("POST", path, body, "application/json");
        return r.status() == 200 ? Takedown.from(r.json()) : null;
    }

    /** @return signed requests to any platform route of the gateway */
    public SignedHttp http() {
        return signed;
    }

    /** @return the platform id requests are signed for */
    public String platform() {
        return signer.platform();
    }

    /** Settings of a {@link LivemodClient}. */
    public static final class Builder {
        private final URI gateway;
        private final String platform;
        private final String secret;
        private HttpClient http;
        private Clock clock = Clock.systemUTC();
        private RetryPolicy retry = RetryPolicy.DEFAULT;
        private Duration timeout = Duration.ofSeconds(30);

        private Builder(URI gateway, String platform, String secret) {
            this.gateway = Objects.requireNonNull(gateway, "gateway");
            this.platform = platform;
            this.secret = secret;
        }

        /** @param policy how to retry @return this builder */
        public Builder retry(RetryPolicy policy) {
            this.retry = Objects.requireNonNull(policy, "retry");
            return this;
        }

        /** @param c the clock that timestamps signatures @return this builder */
        public Builder clock(Clock c) {
            this.clock = Objects.requireNonNull(c, "clock");
            return this;
        }

        /** @param client the HTTP client to use (proxy, TLS settings) @return this builder */
        public Builder httpClient(HttpClient client) {
            this.http = Objects.requireNonNull(client, "httpClient");
            return this;
        }

        /** @param t how long one attempt may take @return this builder */
        public Builder requestTimeout(Duration t) {
            this.timeout = Objects.requireNonNull(t, "requestTimeout");
            return this;
        }

        /** @return the client */
        public LivemodClient build() {
            return new LivemodClient(this);
        }
    }
}
