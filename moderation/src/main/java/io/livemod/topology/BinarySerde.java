package io.livemod.topology;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * A hand-written binary serde for state read and written on every record. JSON there cost about
 * a third of the stream threads' CPU in the benchmark, and maps keyed by user id flooded
 * Jackson's field-name table. A leading version byte lets the format change without a migration.
 */
final class BinarySerde<T> implements Serde<T> {
    interface Writer<T> {
        void write(DataOutputStream out, T value) throws IOException;
    }

    interface Reader<T> {
        T read(DataInputStream in) throws IOException;
    }

    // 2: comments keyed by stream (issue 12/13); sightings carry their copy risk, stream watches their start.
    private static final byte VERSION = 2;
    private final Writer<T> writer;
    private final Reader<T> reader;

    BinarySerde(Writer<T> writer, Reader<T> reader) {
        this.writer = writer;
        this.reader = reader;
    }

    @Override
    public Serializer<T> serializer() {
        return (topic, value) -> {
            if (value == null) return null;
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                out.writeByte(VERSION);
                writer.write(out, value);
            } catch (IOException e) {
                throw new SerializationException("cannot write state: " + e.getMessage(), e);
            }
            return bytes.toByteArray();
        };
    }

    @Override
    public Deserializer<T> deserializer() {
        return (topic, bytes) -> {
            if (bytes == null) return null;
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
                byte v = in.readByte();
                if (v != VERSION) throw new SerializationException("state format " + v + ", expected " + VERSION);
                return reader.read(in);
            } catch (IOException e) {
                throw new SerializationException("cannot read state: " + e.getMessage(), e);
            }
        };
    }
}
