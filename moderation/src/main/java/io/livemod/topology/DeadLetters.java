package io.livemod.topology;

import io.livemod.event.DeadLetter;
import io.livemod.event.Json;
import io.livemod.event.Topics;
import io.micrometer.core.instrument.Metrics;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The error policy of the moderation application, in one place: a record that cannot be read,
 * processed or written goes to the dead-letter topic with its origin and the reason, is counted
 * in {@code livemod_dead_letters_total{stage}}, and processing goes on. One poison record never
 * stops the application.
 */
public final class DeadLetters {
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetters.class);
    // Streams builds the handlers by class name, so no Clock can be injected: the stamp is the
    // wall clock when the record was dead-lettered, used only for inspection, never in logic.
    private static final Clock CLOCK = Clock.systemUTC();

    private DeadLetters() {}

    static List<ProducerRecord<byte[], byte[]>> record(
            ErrorHandlerContext ctx, byte[] key, byte[] value, String stage, Exception e) {
        Metrics.counter("livemod_dead_letters", "stage", stage).increment();
        String reason = e.getClass().getSimpleName() + ": " + e.getMessage();
        LOG.warn("dead-lettered {}-{}@{} at {}: {}", ctx.topic(), ctx.partition(), ctx.offset(), stage, reason);
        DeadLetter dl = new DeadLetter(
                ctx.topic(), ctx.partition(), ctx.offset(), text(key), text(value), stage, reason, CLOCK.millis());
        return List.of(new ProducerRecord<>(Topics.DEAD_LETTER.name(), null, key, Json.bytes(dl)));
    }

    /** UTF-8 text as is; anything else as "base64:..." so nothing of the poison record is lost. */
    static String text(byte[] bytes) {
        if (bytes == null) return null;
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return "base64:" + Base64.getEncoder().encodeToString(bytes);
        }
    }

    public static final class OnDeserialization implements DeserializationExceptionHandler {
        @Override
        public DeserializationExceptionHandler.Response handleError(
                ErrorHandlerContext ctx, ConsumerRecord<byte[], byte[]> rec, Exception e) {
            return DeserializationExceptionHandler.Response.resume(
                    record(ctx, rec.key(), rec.value(), "deserialization", e));
        }

        @Override
        public void configure(Map<String, ?> configs) {}
    }

    public static final class OnProcessing implements ProcessingExceptionHandler {
        @Override
        public ProcessingExceptionHandler.Response handleError(ErrorHandlerContext ctx, Record<?, ?> rec, Exception e) {
            return ProcessingExceptionHandler.Response.resume(
                    record(ctx, ctx.sourceRawKey(), ctx.sourceRawValue(), "processing:" + ctx.processorNodeId(), e));
        }

        @Override
        public void configure(Map<String, ?> configs) {}
    }

    public static final class OnProduction implements ProductionExceptionHandler {
        @Override
        public ProductionExceptionHandler.Response handleError(
                ErrorHandlerContext ctx, ProducerRecord<byte[], byte[]> rec, Exception e) {
            return ProductionExceptionHandler.Response.resume(record(ctx, rec.key(), rec.value(), "production", e));
        }

        @Override
        @SuppressWarnings("rawtypes") // Kafka declares this parameter raw: a typed one would not override it
        public ProductionExceptionHandler.Response handleSerializationError(
                ErrorHandlerContext ctx, ProducerRecord rec, Exception e, SerializationExceptionOrigin origin) {
            return ProductionExceptionHandler.Response.resume(
                    record(ctx, ctx.sourceRawKey(), ctx.sourceRawValue(), "serialization", e));
        }

        @Override
        public void configure(Map<String, ?> configs) {}
    }
}
