package io.livemod.cli.demo;

import com.fasterxml.jackson.databind.JsonNode;
import io.livemod.sdk.LivemodClient;
import io.livemod.sdk.RetryPolicy;
import io.livemod.sdk.ingest.Comment;
import io.livemod.sdk.ingest.IngestResult;
import io.livemod.sdk.ingest.StreamEvent;
import io.livemod.sdk.stream.LiveSocket;
import io.livemod.sdk.takedown.Takedown;
import io.livemod.sdk.webhook.WebhookEvent;
import java.io.PrintStream;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A tiny fake livestream platform closing the loop against a running gateway, with the Java
 * client: it registers itself (webhook on loopback), starts a stream, streams chat with a few
 * violations over the WebSocket, waits for the flags, decides on them as the platform's moderator,
 * removes each comment when its decision arrives by webhook, is asked by the ministry to take the
 * stream down, takes it down when that webhook arrives, and answers the takedown. Each step is
 * printed with its latency; the run ends once the ministry sees the takedown done.
 */
public final class PlatformDemo {
    /** Violations among ordinary chat: what the default rule pack flags. */
    public static final List<String> VIOLATIONS = List.of(
            "Vào NHÀ CÁI uy tín nhận thưởng", "game bài đổi thưởng, nạp đầu x2 tại fb88", "thằng streamer ngu như bò");

    private static final List<String> CHAT = List.of(
            "chào cả nhà",
            "hôm nay hát bài gì vậy chị",
            "hay quá 👏",
            "từ Đà Nẵng xem nè",
            "âm thanh hơi nhỏ",
            "cho xin tên bài hát",
            "lên đi chị ơi",
            "mãi ủng hộ kênh");
    private final URI gateway;
    private final Staff staff;
    private final String platform;
    private final Clock clock;
    private final PrintStream out;
    private final Duration timeout;
    private final long started;

    public PlatformDemo(URI gateway, Staff staff, String platform, Clock clock, PrintStream out, Duration timeout) {
        this.gateway = gateway;
        this.staff = staff;
        this.platform = platform;
        this.clock = clock;
        this.out = out;
        this.timeout = timeout;
        this.started = System.nanoTime();
    }

    /** Runs the loop; throws {@link Staff.DemoFailure} naming the step that did not happen in time. */
    public void run() throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String run = Long.toString(clock.millis(), 36);
        String streamId = "live-" + run;
        try (HookReceiver hooks = new HookReceiver()) {
            long t = System.nanoTime();
            JsonNode secrets = staff.registerPlatform(platform, hooks.url());
            hooks.verifyWith(secrets.path("webhookSecret").asText());
            step(t, "platform %s registered, webhooks to %s (secrets rotated for this run)", platform, hooks.url());
            LivemodClient client = LivemodClient.builder(
                            gateway, platform, secrets.path("secret").asText())
                    .clock(clock)
                    .retry(RetryPolicy.DEFAULT)
                    .build();

            t = System.nanoTime();
            client.sendStreamEvents(List.of(
                    StreamEvent.started(streamId, "streamer-" + run, "Giao lưu cuối tuần", clock.instant()),
                    StreamEvent.viewers(streamId, "streamer-" + run, 1520, clock.instant())));
            step(t, "stream %s started (stream events accepted)", streamId);

            Map<String, String> chat = new LinkedHashMap<>(); // the platform's own chat: comment id -> text
            Map<String, String> violations = streamChat(client, run, streamId, chat);
            long pushed = System.nanoTime();

            Map<String, String> flagIds = awaitFlags(streamId, violations, pushed, deadline);

            Map<String, Long> decidedAt = new HashMap<>();
            for (Map.Entry<String, String> f : flagIds.entrySet()) {
                t = System.nanoTime();
                staff.decide(f.getValue(), "remove", "platform-demo: violates the community rules");
                decidedAt.put(f.getKey(), System.nanoTime());
                step(t, "moderator decided remove on flag %s (comment %s)", f.getValue(), f.getKey());
            }
            while (!decidedAt.isEmpty()) {
                WebhookEvent e = next(hooks, deadline, "decision webhooks for comments " + decidedAt.keySet());
                if (!WebhookEvent.DECISION.equals(e.type())) continue;
                String comment = e.data().path("commentId").asText();
                Long at = decidedAt.remove(comment);
                if (at == null) continue;
                chat.remove(comment);
                step(
                        at,
                        "webhook %s verified: removed comment %s from the chat (%d left)",
                        e.id(),
                        comment,
                        chat.size());
            }

            t = System.nanoTime();
            String takedownId = staff.requestTakedown(platform, streamId);
            step(t, "officer requested takedown %s of stream %s (deadline 24 h)", takedownId, streamId);
            long requested = System.nanoTime();
            Takedown request = null;
            while (request == null) {
                WebhookEvent e = next(hooks, deadline, "the takedown.requested webhook for " + takedownId);
                if (WebhookEvent.TAKEDOWN.equals(e.type())
                        && takedownId.equals(e.takedown().takedownId())) request = e.takedown();
            }
            step(requested, "webhook takedown.requested verified: stream %s taken down", request.streamId());
            t = System.nanoTime();
            client.answerTakedown(takedownId, "stream " + streamId + " ended and hidden by platform-demo");
            step(t, "takedown %s answered (signed POST /v1/takedowns/%s/done)", takedownId, takedownId);
            t = System.nanoTime();
            while (!"done".equals(staff.takedown(takedownId).path("status").asText())) {
                if (System.nanoTime() > deadline)
                    throw new Staff.DemoFailure("the ministry does not see takedown " + takedownId + " done");
                TimeUnit.MILLISECONDS.sleep(100); // polling the officer's view until the answer is projected
            }
            step(t, "ministry sees takedown %s done", takedownId);
            if (!hooks.refused.isEmpty())
                out.println("  note: " + hooks.refused.size() + " webhook(s) refused: " + hooks.refused.peek());
            out.printf(
                    "loop closed in %.1f s: %d comments pushed, %d flagged, %d removed by webhook, stream taken down%n",
                    (System.nanoTime() - started) / 1e9,
                    chat.size() + violations.size(),
                    flagIds.size(),
                    flagIds.size());
        }
    }

    private Map<String, String> streamChat(LivemodClient client, String run, String streamId, Map<String, String> chat)
            throws InterruptedException {
        Map<String, String> violations = new LinkedHashMap<>();
        List<Comment> all = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            boolean bad = i % 8 == 5;
            String text = bad ? VIOLATIONS.get(i / 8) : CHAT.get(i % CHAT.size());
            String id = run + "-c" + i;
            all.add(Comment.of(id, streamId, "viewer-" + (i % 7), text, Instant.now(clock))
                    .withUserName("Khán giả " + (i % 7)));
            chat.put(id, text);
            if (bad) violations.put(id, text);
        }
        long t = System.nanoTime();
        List<CompletableFuture<IngestResult>> acks = new ArrayList<>();
        try (LiveSocket socket = client.openSocket(2)) {
            for (int f = 0; f < 4; f++) acks.add(socket.send(all.subList(f * 6, f * 6 + 6)));
            int accepted = 0;
            for (CompletableFuture<IngestResult> a : acks) {
                try {
                    accepted += a.get(30, TimeUnit.SECONDS).accepted() + a.get().duplicates();
                } catch (Exception e) {
                    throw new Staff.DemoFailure("a chat frame was not acknowledged: " + e.getMessage());
                }
            }
            step(
                    t,
                    "chat streamed over the WebSocket: %d comments in %d frames, all acknowledged, %d of them violations",
                    accepted,
                    acks.size(),
                    violations.size());
        }
        return violations;
    }

    /** Waits until every violation is flagged; returns comment id -> flag id. */
    private Map<String, String> awaitFlags(String streamId, Map<String, String> violations, long pushed, long deadline)
            throws InterruptedException {
        Map<String, String> flags = new LinkedHashMap<>();
        while (flags.size() < violations.size()) {
            for (JsonNode f : staff.openFlags(streamId)) {
                String comment = f.path("commentId").asText();
                if (violations.containsKey(comment) && !flags.containsKey(comment)) {
                    flags.put(comment, f.path("flagId").asText());
                    step(
                            pushed,
                            "flagged %s \"%s\": %s, %s",
                            comment,
                            violations.get(comment),
                            f.path("category").asText(),
                            f.path("severity").asText());
                }
            }
            if (flags.size() == violations.size()) break;
            if (System.nanoTime() > deadline) {
                List<String> missing = violations.keySet().stream()
                        .filter(c -> !flags.containsKey(c))
                        .toList();
                throw new Staff.DemoFailure(
                        "no flag for " + missing + " (is the moderation topology running with the default rules?)");
            }
            TimeUnit.MILLISECONDS.sleep(200); // polling the moderators' queue, as a console would
        }
        return flags;
    }

    private static WebhookEvent next(HookReceiver hooks, long deadline, String waitingFor) throws InterruptedException {
        WebhookEvent e = hooks.events.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        if (e == null) {
            String refused = hooks.refused.isEmpty() ? "" : "; refused deliveries: " + hooks.refused.peek();
            throw new Staff.DemoFailure("timed out waiting for " + waitingFor + refused);
        }
        return e;
    }

    @com.google.errorprone.annotations.FormatMethod // the callers' format strings are checked as they compile
    private void step(long since, @com.google.errorprone.annotations.FormatString String format, Object... args) {
        long now = System.nanoTime();
        out.printf(
                "[%6.2f s] %-100s %6d ms%n",
                (now - started) / 1e9, String.format(format, args), (now - since) / 1_000_000);
    }
}
