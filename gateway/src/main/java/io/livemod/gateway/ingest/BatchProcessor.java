package io.livemod.gateway.ingest;

import io.livemod.gateway.dedupe.Dedupe;
import io.livemod.gateway.http.ApiError;
import io.livemod.gateway.kafka.KafkaWriter;
import io.livemod.gateway.platform.Platform;
import io.livemod.gateway.quota.Quota;
import io.livemod.gateway.quota.QuotaLimiter;
import io.livemod.ingest.Item;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one ingest pipeline behind HTTP and WebSocket: per-event validation, the platform's quota,
 * dedupe reservation, the Kafka write (acks=all), then confirm what Kafka acked and release what it
 * did not. The future completes with the batch's answer, or fails with an {@link ApiError}.
 */
public final class BatchProcessor {
    private static final Logger LOG = LoggerFactory.getLogger(BatchProcessor.class);

    /** The 202 body: valid events durably in Kafka, duplicates of earlier ones, and what was refused. */
    public record Outcome(int accepted, int duplicates, JsonArray rejected) {
        public JsonObject toJson() {
            return new JsonObject()
                    .put("accepted", accepted)
                    .put("duplicates", duplicates)
                    .put("rejected", rejected);
        }
    }

    /** Maps one decoded event to an {@link Item}; differs per route (comments, stream events, mixed). */
    @FunctionalInterface
    public interface ItemParser {
        Item parse(String platform, com.fasterxml.jackson.databind.JsonNode node, long receivedAt);
    }

    private final KafkaWriter writer;
    private final QuotaLimiter quotas;
    private final Quota defaultQuota;
    private final Dedupe dedupe;
    private final IngestMetrics metrics;

    public BatchProcessor(
            KafkaWriter writer, QuotaLimiter quotas, Quota defaultQuota, Dedupe dedupe, IngestMetrics metrics) {
        this.writer = writer;
        this.quotas = quotas;
        this.defaultQuota = defaultQuota;
        this.dedupe = dedupe;
        this.metrics = metrics;
    }

    public Future<Outcome> process(
            Context ctx, Platform platform, List<Object> decoded, ItemParser parser, long receivedAt) {
        List<Item.Valid> valid = new ArrayList<>(decoded.size());
        List<Integer> validIndex = new ArrayList<>(decoded.size());
        List<JsonObject> rejected = new ArrayList<>();
        for (int i = 0; i < decoded.size(); i++) {
            Object d = decoded.get(i);
            Item item = d instanceof Item.Invalid bad
                    ? bad
                    : parser.parse(platform.id(), (com.fasterxml.jackson.databind.JsonNode) d, receivedAt);
            if (item instanceof Item.Valid v) {
                valid.add(v);
                validIndex.add(i);
            } else {
                Item.Invalid bad = (Item.Invalid) item;
                rejected.add(rejection(i, bad.id(), bad.error(), bad.message(), bad.field()));
                metrics.rejected(platform.id(), bad.error());
            }
        }
        if (valid.isEmpty()) {
            return Future.failedFuture(
                    new ApiError(400, "no_valid_event", "no event of the batch is valid", "$", 0, sorted(rejected)));
        }
        Quota quota = platform.quota() == null ? defaultQuota : platform.quota();
        return quotas.acquire(platform.id(), quota, valid.size())
                .recover(e -> Future.failedFuture(unavailable(platform.id(), "quota store", e)))
                .compose(d -> {
                    if (d.allowed()) return store(ctx, platform.id(), valid, validIndex, rejected);
                    metrics.throttled(platform.id(), valid.size());
                    return Future.failedFuture(ApiError.retryLater(
                            429,
                            "quota_exceeded",
                            "platform " + platform.id() + " is over its quota of " + quota.eventsPerSecond()
                                    + " events/s (burst " + quota.burst() + ")",
                            d.retryAfterSeconds()));
                });
    }

    private Future<Outcome> store(
            Context ctx, String platform, List<Item.Valid> valid, List<Integer> validIndex, List<JsonObject> rejected) {
        List<String> keys = valid.stream().map(Item.Valid::dedupeKey).toList();
        String token = UUID.randomUUID().toString();
        return dedupe.reserve(platform, keys, token)
                .recover(e -> Future.failedFuture(unavailable(platform, "dedupe store", e)))
                .compose(statuses -> {
                    List<Item.Valid> fresh = new ArrayList<>();
                    int duplicates = 0;
                    for (int j = 0; j < valid.size(); j++) {
                        switch (statuses.get(j)) {
                            case NEW -> fresh.add(valid.get(j));
                            case DUPLICATE -> duplicates++;
                            case IN_FLIGHT -> {
                                rejected.add(rejection(
                                        validIndex.get(j),
                                        valid.get(j).id(),
                                        "in_flight",
                                        "an earlier request with this id is still being written; retry it shortly",
                                        "$.id"));
                                metrics.rejected(platform, "in_flight");
                            }
                        }
                    }
                    metrics.duplicates(platform, duplicates);
                    int dups = duplicates;
                    return write(ctx, platform, fresh, token).map(n -> new Outcome(n, dups, sorted(rejected)));
                });
    }

    /** Writes the reserved events; confirms the acked ones, releases the others, fails with 503 if any failed. */
    private Future<Integer> write(Context ctx, String platform, List<Item.Valid> fresh, String token) {
        if (fresh.isEmpty()) return Future.succeededFuture(0);
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>(fresh.size());
        for (Item.Valid v : fresh) records.add(v.kind().record(v.event()));
        return writer.sendEach(ctx, records).compose(acked -> {
            List<String> stored = new ArrayList<>(acked.cardinality());
            List<String> failed = new ArrayList<>(fresh.size() - acked.cardinality());
            for (int i = 0; i < fresh.size(); i++)
                (acked.get(i) ? stored : failed).add(fresh.get(i).dedupeKey());
            metrics.accepted(platform, stored.size());
            // The acked events are durable whatever happens next: a failed confirm only weakens dedupe.
            Future<Void> confirmed = dedupe.confirm(platform, stored)
                    .onFailure(e -> LOG.warn(
                            "dedupe confirm failed for {} ({} ids): {}", platform, stored.size(), e.toString()));
            if (failed.isEmpty()) return confirmed.otherwiseEmpty().map(v -> fresh.size());
            Future<Void> released = dedupe.release(platform, failed, token)
                    .onFailure(e -> LOG.warn(
                            "dedupe release failed for {}: {}; ids retry after the pending TTL",
                            platform,
                            e.toString()));
            LOG.warn(
                    "kafka write failed for {}: {} of {} events not acknowledged",
                    platform,
                    failed.size(),
                    fresh.size());
            metrics.rejected(platform, "kafka_unavailable");
            // Answer once confirm and release are done, so an immediate retry sees the ids as they really are.
            return Future.join(confirmed, released)
                    .transform(x -> Future.failedFuture(ApiError.retryLater(
                            503,
                            "kafka_unavailable",
                            "Kafka cannot take writes now; retry the batch (events already stored will count as duplicates)",
                            1)));
        });
    }

    private ApiError unavailable(String platform, String what, Throwable e) {
        LOG.warn("{} unavailable: {}", what, e.toString());
        metrics.rejected(platform, "unavailable");
        return ApiError.retryLater(
                503, "unavailable", "the " + what + " cannot be reached now; nothing was accepted", 1);
    }

    private static JsonObject rejection(int index, String id, String error, String message, String field) {
        return new JsonObject()
                .put("index", index)
                .put("id", id)
                .put("error", error)
                .put("message", message)
                .put("field", "$[" + index + "]" + field.substring(1));
    }

    private static JsonArray sorted(List<JsonObject> rejected) {
        rejected.sort(Comparator.comparingInt(o -> o.getInteger("index")));
        return new JsonArray(new ArrayList<>(rejected));
    }
}
