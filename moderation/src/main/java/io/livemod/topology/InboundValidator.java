package io.livemod.topology;

import io.livemod.event.Comment;
import io.livemod.event.DeadLetter;
import io.livemod.event.InboundTopics;
import io.livemod.event.StreamEvent;
import io.livemod.ingest.EventFields;
import io.livemod.ingest.Item;
import java.time.Clock;
import java.time.Duration;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * Validates one record of a platform's inbound topic by the HTTP ingest's rules
 * ({@link EventFields#anyKind(String, byte[], long)}) and forwards what the gateway would have written: a {@link Comment} or
 * {@link StreamEvent} keyed platform/stream, or a {@link DeadLetter} whose reason
 * names the field at fault. The platform is the topic's: a {@code platform} in the record is ignored,
 * so a platform can only ever speak for itself. Ids are deduplicated like the gateway's, per platform
 * and kind for {@link #DEDUPE_TTL}, within the partition: a retry sent with the same key (the stream
 * id) lands on the same partition and is dropped.
 */
final class InboundValidator implements Processor<byte[], byte[], String, Object> {
    static final String STORE = "inbound-ids-store";
    static final String STAGE = "inbound-validation";
    /** The gateway's default dedupe TTL. */
    static final Duration DEDUPE_TTL = Duration.ofHours(24);

    private final Clock clock;
    private ProcessorContext<String, Object> ctx;
    private WindowStore<String, Long> seen;

    InboundValidator(Clock clock) {
        this.clock = clock;
    }

    /** Ids by their receive time: RocksDB segments drop a day's ids at once once stream time passes the TTL. */
    static StoreBuilder<WindowStore<String, Long>> store() {
        return Stores.windowStoreBuilder(
                Stores.persistentWindowStore(STORE, DEDUPE_TTL, Duration.ofMillis(1), false),
                Serdes.String(),
                Serdes.Long());
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.ctx = context;
        this.seen = context.getStateStore(STORE);
    }

    @Override
    public void process(Record<byte[], byte[]> rec) {
        RecordMetadata at = ctx.recordMetadata().orElseThrow();
        String platform = InboundTopics.platformOf(at.topic());
        long receivedAt = rec.timestamp();
        Item item = EventFields.anyKind(platform, rec.value(), receivedAt);
        if (item instanceof Item.Invalid bad) {
            InboundCounts.rejected(platform, bad.error());
            String reason = bad.field() + " " + bad.error() + ": " + bad.message();
            ctx.forward(new Record<>(
                    DeadLetters.text(rec.key()),
                    new DeadLetter(
                            at.topic(),
                            at.partition(),
                            at.offset(),
                            DeadLetters.text(rec.key()),
                            DeadLetters.text(rec.value()),
                            STAGE,
                            reason,
                            clock.millis()),
                    receivedAt));
            return;
        }
        Item.Valid ok = (Item.Valid) item;
        String id = platform + "/" + ok.dedupeKey();
        try (WindowStoreIterator<Long> earlier =
                seen.fetch(id, Math.max(0, receivedAt - DEDUPE_TTL.toMillis()), Long.MAX_VALUE)) {
            if (earlier.hasNext()) {
                InboundCounts.duplicate(platform);
                return;
            }
        }
        seen.put(id, receivedAt, receivedAt);
        InboundCounts.accepted(platform, ok.kind().wire());
        String key = ok.event() instanceof Comment c ? c.key() : ((StreamEvent) ok.event()).key();
        ctx.forward(new Record<>(key, ok.event(), receivedAt)); // no headers: the platform's stay on its own topic
    }
}
