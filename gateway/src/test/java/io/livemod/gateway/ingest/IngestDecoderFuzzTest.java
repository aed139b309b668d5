package io.livemod.gateway.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import io.livemod.gateway.http.ApiError;
import io.livemod.ingest.EventFields;
import io.livemod.ingest.Item;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Fuzzing what a platform can send (Jazzer): a body is decoded (JSON array or NDJSON) and each event
 * validated (comment, stream event, WebSocket frame of any kind), or the batch is refused with an
 * {@link ApiError} of the contract's codes; an event is valid or rejected with a field and a code;
 * never another exception, never a hang. The first byte picks the framing and the event kind, the
 * rest is the body. Every test run replays the seeds and past findings under
 * {@code IngestDecoderFuzzTestInputs}; CI fuzzes it for a few seconds; docs/testing.md, "Fuzzing", has the longer run.
 */
class IngestDecoderFuzzTest {
    static final Set<String> BATCH_ERRORS =
            Set.of("malformed_body", "invalid_utf8", "too_deep", "too_many_events", "no_valid_event");

    @FuzzTest(maxDuration = "5s")
    void batchesAreDecodedOrRefusedWithAReason(byte[] input) {
        check(input);
    }

    /** The standalone fuzzer's entry point (the longer run). */
    public static void fuzzerTestOneInput(byte[] input) {
        check(input);
    }

    static void check(byte[] input) {
        if (input.length == 0) return;
        int mode = input[0] & 0xff;
        byte[] body = Arrays.copyOfRange(input, 1, input.length);
        List<Object> decoded;
        try {
            decoded = BatchDecoder.decode(body, (mode & 1) == 1);
        } catch (ApiError refused) {
            assertThat(refused.code()).isIn(BATCH_ERRORS);
            assertThat(refused.status()).isIn(400, 413);
            return;
        }
        assertThat(decoded).isNotEmpty().hasSizeLessThanOrEqualTo(BatchDecoder.MAX_EVENTS);
        for (Object d : decoded) {
            Item item = d instanceof Item.Invalid bad
                    ? bad
                    : switch ((mode >> 1) % 3) {
                        case 0 -> EventFields.comment("fuzz", (JsonNode) d, 1L);
                        case 1 -> EventFields.streamEvent("fuzz", (JsonNode) d, 1L);
                        default -> EventFields.anyKind("fuzz", (JsonNode) d, 1L);
                    };
            if (item instanceof Item.Invalid bad) {
                assertThat(bad.error()).isNotBlank();
                assertThat(bad.field()).startsWith("$");
            } else {
                Item.Valid ok = (Item.Valid) item;
                assertThat(ok.id()).isNotEmpty().hasSizeLessThanOrEqualTo(EventFields.MAX_ID);
                ok.kind().record(ok.event()); // what goes to Kafka serializes
            }
        }
    }
}
