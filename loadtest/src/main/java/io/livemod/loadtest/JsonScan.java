package io.livemod.loadtest;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Reads one field of compact JSON (as Livemod's Jackson writes it: {@code "key":"value"}, no
 * spaces) without parsing the document: the taps need two or three fields of records they see by
 * the thousand per second, straight from the consumer's buffer. A key inside an escaped string
 * cannot match (its quotes are escaped).
 */
final class JsonScan {
    private final byte[] a;
    private final int from, to;

    private JsonScan(byte[] a, int from, int to) {
        this.a = a;
        this.from = from;
        this.to = to;
    }

    static JsonScan of(byte[] json) {
        return new JsonScan(json, 0, json.length);
    }

    static JsonScan of(byte[] json, int from, int to) {
        return new JsonScan(json, from, to);
    }

    /** A view of a buffer's remaining bytes (copied only if it has no array). */
    static JsonScan of(ByteBuffer b) {
        if (!b.hasArray()) {
            byte[] copy = new byte[b.remaining()];
            b.duplicate().get(copy);
            return of(copy);
        }
        int start = b.arrayOffset() + b.position();
        return new JsonScan(b.array(), start, start + b.remaining());
    }

    /** The pattern to look for: {@code "key":}. */
    static byte[] key(String key) {
        return ("\"" + key + "\":").getBytes(StandardCharsets.US_ASCII);
    }

    /** The string value of the first {@code "key":"..."}, or null if absent or not a string. */
    String string(byte[] key) {
        int at = indexOf(key);
        if (at < 0) return null;
        int i = at + key.length;
        if (i >= to || a[i] != '"') return null;
        int start = ++i;
        boolean escaped = false;
        for (; i < to; i++) {
            byte b = a[i];
            if (b == '\\') {
                escaped = true;
                i++; // the escaped character, a quote among them
            } else if (b == '"') {
                break;
            }
        }
        if (i >= to) return null;
        String raw = new String(a, start, i - start, StandardCharsets.UTF_8);
        return escaped
                ? io.livemod.event.Json.read(("\"" + raw + "\"").getBytes(StandardCharsets.UTF_8), String.class)
                : raw;
    }

    /** The integer value of the first {@code "key":123}, or {@code absent}. */
    long number(byte[] key, long absent) {
        int at = indexOf(key);
        if (at < 0) return absent;
        int i = at + key.length;
        boolean negative = i < to && a[i] == '-';
        if (negative) i++;
        if (i >= to || a[i] < '0' || a[i] > '9') return absent;
        long n = 0;
        for (; i < to && a[i] >= '0' && a[i] <= '9'; i++) n = n * 10 + (a[i] - '0');
        return negative ? -n : n;
    }

    /** Whether the bytes appear anywhere (a run id in any field). */
    boolean contains(byte[] needle) {
        return indexOf(needle) >= 0;
    }

    /** The bytes viewed, copied. */
    byte[] bytes() {
        return java.util.Arrays.copyOfRange(a, from, to);
    }

    private int indexOf(byte[] needle) {
        byte first = needle[0];
        outer:
        for (int i = from, last = to - needle.length; i <= last; i++) {
            if (a[i] != first) continue;
            for (int k = 1; k < needle.length; k++) if (a[i + k] != needle[k]) continue outer;
            return i;
        }
        return -1;
    }
}
