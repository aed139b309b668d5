package io.livemod.topology;

import io.livemod.event.Comment;
import io.livemod.event.Decision;
import io.livemod.event.StreamEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;

/**
 * Windows run on the gateway's receive stamp, never the platform's {@code ts}: a platform's clock
 * (or a hostile one) must not move comments in or out of a window. Decisions count at decidedAt.
 * Anything else (repartition topics) keeps the record timestamp the topology wrote.
 */
public final class EventTimes implements TimestampExtractor {
    @Override
    public long extract(ConsumerRecord<Object, Object> rec, long partitionTime) {
        long t = of(rec.value());
        if (t > 0) return t;
        return rec.timestamp() >= 0 ? rec.timestamp() : Math.max(partitionTime, 0);
    }

    static long of(Object value) {
        if (value instanceof Comment c) return c.receivedAt();
        if (value instanceof StreamEvent e) return e.receivedAt();
        if (value instanceof Decision d) return d.decidedAt();
        return -1;
    }
}
