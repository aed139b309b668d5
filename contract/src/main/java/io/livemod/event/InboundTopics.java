package io.livemod.event;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The per-platform inbound topics of Kafka-native ingest, {@code livemod.inbound.<platformId>.v1}:
 * one per platform, so a topic ACL is a tenant boundary and the platform id comes from the topic,
 * never from the record. Values are the platform's own JSON events, unvalidated, hence raw bytes.
 * Not in {@link Topics#ALL}: they are created when an operator enables a platform, not at start.
 */
public final class InboundTopics {
    public static final String PREFIX = "livemod.inbound.";
    public static final String SUFFIX = ".v1";
    /** Every inbound topic: what the moderation application subscribes to. */
    public static final Pattern ALL =
            Pattern.compile(Pattern.quote(PREFIX) + "(" + PlatformRecord.ID.pattern() + ")" + Pattern.quote(SUFFIX));
    /** Per platform; 6 lets a large platform's traffic spread over 6 stream threads. */
    public static final int PARTITIONS = 6;
    /** The largest record a platform may produce: a comment is at most a few KiB of JSON. */
    public static final int MAX_RECORD_BYTES = 64 * 1024;

    private InboundTopics() {}

    /**
     * The topic of one platform. LogAppendTime: the broker stamps each record as it arrives, which is
     * the receive time windows run on (the platform's own clock is never trusted). Kept 7 days, like
     * comments, so the moderation application can be down for a while and catch up.
     */
    public static Topic<byte[], byte[]> of(String platformId) {
        return new Topic<>(
                name(platformId),
                Serdes.ByteArray(),
                Serdes.ByteArray(),
                PARTITIONS,
                Map.of(
                        "cleanup.policy",
                        "delete",
                        "retention.ms",
                        Long.toString(Duration.ofDays(7).toMillis()),
                        "message.timestamp.type",
                        "LogAppendTime",
                        "max.message.bytes",
                        Integer.toString(MAX_RECORD_BYTES)));
    }

    public static String name(String platformId) {
        if (platformId == null || !PlatformRecord.ID.matcher(platformId).matches()) {
            throw new IllegalArgumentException(
                    "platform id: 2..63 of a-z, 0-9 and '-', starting with a letter or digit, got " + platformId);
        }
        return PREFIX + platformId + SUFFIX;
    }

    /** The platform an inbound topic belongs to, or null when the topic is not an inbound topic. */
    public static String platformOf(String topic) {
        Matcher m = ALL.matcher(topic);
        return m.matches() ? m.group(1) : null;
    }
}
