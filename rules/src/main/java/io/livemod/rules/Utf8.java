package io.livemod.rules;

/**
 * Strict UTF-8 to UTF-16 decoding into a caller's array, for {@code rules test}: one loop instead
 * of a String made from the bytes and copied back out (two or three passes, each as costly as the
 * decoding). Only well-formed input is decoded here; anything else is left to the JDK's decoder,
 * whose replacement of malformed bytes by U+FFFD the tool has always had. Stateless.
 */
final class Utf8 {
    private Utf8() {}

    /**
     * Decodes {@code in[from..to)} into {@code out} (room for {@code to - from} chars: UTF-16 never
     * needs more units than UTF-8 bytes); returns the number of chars, or -1 when the bytes are not
     * well-formed UTF-8 (then {@code out} holds garbage).
     */
    static int decode(byte[] in, int from, int to, char[] out) {
        int n = 0, i = from;
        while (i < to) {
            int b = in[i];
            if (b >= 0) { // ASCII: most bytes of most lines
                out[n++] = (char) b;
                i++;
                continue;
            }
            b &= 0xFF;
            if (b >= 0xC2 && b <= 0xDF) {
                if (i + 1 >= to || !cont(in[i + 1])) return -1;
                out[n++] = (char) ((b & 0x1F) << 6 | (in[i + 1] & 0x3F));
                i += 2;
            } else if (b >= 0xE0 && b <= 0xEF) {
                if (i + 2 >= to || !cont(in[i + 1]) || !cont(in[i + 2])) return -1;
                int c = (b & 0x0F) << 12 | (in[i + 1] & 0x3F) << 6 | (in[i + 2] & 0x3F);
                if (c < 0x800 || (c >= 0xD800 && c <= 0xDFFF)) return -1; // overlong, or a surrogate
                out[n++] = (char) c;
                i += 3;
            } else if (b >= 0xF0 && b <= 0xF4) {
                if (i + 3 >= to || !cont(in[i + 1]) || !cont(in[i + 2]) || !cont(in[i + 3])) return -1;
                int c = (b & 0x07) << 18 | (in[i + 1] & 0x3F) << 12 | (in[i + 2] & 0x3F) << 6 | (in[i + 3] & 0x3F);
                if (c < 0x10000 || c > 0x10FFFF) return -1;
                out[n++] = Character.highSurrogate(c);
                out[n++] = Character.lowSurrogate(c);
                i += 4;
            } else {
                return -1;
            }
        }
        return n;
    }

    private static boolean cont(byte b) {
        return (b & 0xC0) == 0x80;
    }
}
