package io.livemod.topology;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

import java.nio.ByteBuffer;

/** Fixed-width binary longs: the per-user flood state is touched on every comment, so no JSON there. */
final class LongArraySerde implements Serde<long[]> {
    @Override
    public Serializer<long[]> serializer() {
        return (topic, data) -> {
            if (data == null) return null;
            ByteBuffer b = ByteBuffer.allocate(data.length * Long.BYTES);
            for (long v : data) b.putLong(v);
            return b.array();
        };
    }

    @Override
    public Deserializer<long[]> deserializer() {
        return (topic, bytes) -> {
            if (bytes == null) return null;
            if (bytes.length % Long.BYTES != 0) throw new SerializationException("long[] of " + bytes.length + " bytes");
            ByteBuffer b = ByteBuffer.wrap(bytes);
            long[] out = new long[bytes.length / Long.BYTES];
            for (int i = 0; i < out.length; i++) out[i] = b.getLong();
            return out;
        };
    }
}
