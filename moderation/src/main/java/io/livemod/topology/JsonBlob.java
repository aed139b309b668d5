package io.livemod.topology;

import io.livemod.event.Json;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * A contract object (an alert, a sample flag) kept inside binary state as its JSON bytes, decoded
 * only when it is needed. State is read and written on every record, but an alert inside it is
 * emitted a few times per incident: decoding and re-encoding it per record cost the incident and
 * campaign stages most of their CPU.
 */
final class JsonBlob<T> {
    private final Class<T> type;
    private byte[] bytes;
    private T value;

    private JsonBlob(Class<T> type, byte[] bytes, T value) {
        this.type = type;
        this.bytes = bytes;
        this.value = value;
    }

    static <T> JsonBlob<T> of(Class<T> type, T value) {
        return new JsonBlob<>(type, null, value);
    }

    T get() {
        if (value == null) value = Json.read(bytes, type);
        return value;
    }

    void write(DataOutputStream out) throws IOException {
        if (bytes == null) bytes = Json.bytes(value);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    /** Writes a nullable blob. */
    static void write(DataOutputStream out, JsonBlob<?> blob) throws IOException {
        if (blob == null) out.writeInt(-1);
        else blob.write(out);
    }

    /** Reads a nullable blob without decoding it. Length 0 is none too: earlier state wrote "no alert" so. */
    static <T> JsonBlob<T> read(DataInputStream in, Class<T> type) throws IOException {
        int n = in.readInt();
        return n <= 0 ? null : new JsonBlob<>(type, in.readNBytes(n), null);
    }
}
