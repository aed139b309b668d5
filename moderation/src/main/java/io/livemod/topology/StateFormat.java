package io.livemod.topology;

import org.apache.kafka.common.errors.SerializationException;

/**
 * The identity of one binary state format: a type tag and the version its writer produces. Every
 * value written since per-type versions starts with these two bytes, so a store or a repartition
 * topic holding another format, or a version this build does not know, is refused with an error
 * naming the format (a {@link SerializationException}: the dead-letter handlers count it under
 * {@code livemod_dead_letters_total{stage}} and processing goes on).
 *
 * <p>Before per-type versions, four formats began with one shared version byte, {@link #SHARED_V2},
 * and the flood state with no header at all. Their bodies are exactly version 1 of each format, so
 * a store restored from an old changelog decodes as version 1. No tag may equal {@link #SHARED_V2}.
 *
 * <pre>
 *   format            tag        current version   class holding its layout
 *   duplicate watch   'D' 0x44   1                 DuplicateProcessor (Watch)
 *   campaign watch    'C' 0x43   1                 CampaignProcessor (Watch)
 *   sighting          'S' 0x53   1                 Sighting
 *   stream watch      'W' 0x57   1                 StreamWatch (and Incidents.Incident inside it)
 *   user flood        'F' 0x46   1                 LongArraySerde
 * </pre>
 *
 * @param name    what the format holds, for errors
 * @param tag     first byte of every value
 * @param version second byte: the version this build writes (and the only one it reads besides the shared v2)
 */
record StateFormat(String name, byte tag, byte version) {
    /** The one version byte all formats but the flood state shared until per-type versions. */
    static final byte SHARED_V2 = 2;
    /** Bytes before a value's body: the tag and the version. */
    static final int HEADER = 2;

    static final StateFormat DUPLICATE_WATCH = new StateFormat("duplicate watch", (byte) 'D', (byte) 1);
    static final StateFormat CAMPAIGN_WATCH = new StateFormat("campaign watch", (byte) 'C', (byte) 1);
    static final StateFormat SIGHTING = new StateFormat("sighting", (byte) 'S', (byte) 1);
    static final StateFormat STREAM_WATCH = new StateFormat("stream watch", (byte) 'W', (byte) 1);
    static final StateFormat USER_FLOOD = new StateFormat("user flood", (byte) 'F', (byte) 1);

    StateFormat {
        if (tag == SHARED_V2)
            throw new IllegalArgumentException(name + ": tag " + tag + " is the old shared version byte");
    }

    /**
     * Checks a value's header (its first two bytes, or the old shared byte alone) and says how many
     * header bytes to skip before the body.
     */
    int check(byte first, byte second) {
        if (first == SHARED_V2) return 1; // written before per-type versions: the body is version 1
        checkHeader(first, second);
        return HEADER;
    }

    /** Checks a value's tag and version, with no allowance for the old shared byte. */
    void checkHeader(byte first, byte second) {
        if (first != tag) {
            throw new SerializationException(
                    name + " state: type tag 0x" + hex(first) + ", expected 0x" + hex(tag) + " ('" + (char) tag + "')");
        }
        if (second != version) {
            throw new SerializationException(
                    name + " state: unknown format version " + second + " (this build reads version " + version + ")");
        }
    }

    private static String hex(byte b) {
        return String.format("%02x", b & 0xff);
    }
}
