package io.livemod.topology;

import java.nio.ByteBuffer;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Fixed-width binary longs: the per-user flood state is touched on every comment, so no JSON there.
 * Layout of {@link StateFormat#USER_FLOOD} version 1 (big-endian):
 *
 * <pre>
 *   offset   field     type
 *   0        tag       byte 'F'
 *   1        version   byte 1
 *   2 + 8i   value i   long (the flood state: slot 0 the episode's flagged bit, then receive stamps)
 * </pre>
 *
 * Before per-type versions the values had no header: a length that is a multiple of 8 is such a
 * value (a headed one is 2 bytes longer, never a multiple of 8) and reads as version 1's body.
 */
final class LongArraySerde implements Serde<long[]> {
    private static final StateFormat FORMAT = StateFormat.USER_FLOOD;

    @Override
    public Serializer<long[]> serializer() {
        return (topic, data) -> {
            if (data == null) return null;
            ByteBuffer b = ByteBuffer.allocate(StateFormat.HEADER + data.length * Long.BYTES);
            b.put(FORMAT.tag()).put(FORMAT.version());
            for (long v : data) b.putLong(v);
            return b.array();
        };
    }

    @Override
    public Deserializer<long[]> deserializer() {
        return (topic, bytes) -> {
            if (bytes == null) return null;
            int skip = 0;
            if (bytes.length % Long.BYTES != 0) { // headed: check the tag and the version
                if (bytes.length < StateFormat.HEADER || (bytes.length - StateFormat.HEADER) % Long.BYTES != 0) {
                    throw new SerializationException(
                            FORMAT.name() + " state: " + bytes.length + " bytes, not a header and longs");
                }
                FORMAT.checkHeader(bytes[0], bytes[1]); // the old shared byte never headed this format
                skip = StateFormat.HEADER;
            }
            ByteBuffer b = ByteBuffer.wrap(bytes, skip, bytes.length - skip);
            long[] out = new long[(bytes.length - skip) / Long.BYTES];
            for (int i = 0; i < out.length; i++) out[i] = b.getLong();
            return out;
        };
    }
}
