package io.livemod.rules;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * One NDJSON verdict line of {@code livemod rules test}, written straight into UTF-8 bytes: most
 * lines are {@code {"id":N,"flagged":false,"matches":[]}}, and building them through a JSON library
 * cost more than the rules did. Growable, reused per batch of lines; not thread-safe.
 */
final class VerdictJson {
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private byte[] buf = new byte[1 << 16];
    private int n;

    byte[] array() {
        return buf;
    }

    int size() {
        return n;
    }

    void clear() {
        n = 0;
    }

    /**
     * The verdict of one line. {@code rawId} is the id as JSON (from an NDJSON line), or null for the
     * line number {@code lineNo}. With {@code explain}: steps, shadow matches, normalized text, version.
     */
    void verdict(long lineNo, String rawId, Verdict v, boolean explain, String normalized) {
        ascii("{\"id\":");
        if (rawId == null) number(lineNo);
        else ascii(rawId);
        ascii(v.flagged() ? ",\"flagged\":true" : ",\"flagged\":false");
        matches("matches", v.matches(), explain);
        if (explain) {
            matches("shadow", v.shadowMatches(), true);
            ascii(",\"normalized\":");
            string(normalized);
            ascii(",\"rulesVersion\":");
            string(v.rulesVersion());
        }
        ascii("}\n");
    }

    private void matches(String field, List<Match> matches, boolean steps) {
        ascii(",\"");
        ascii(field);
        ascii("\":[");
        for (int i = 0; i < matches.size(); i++) {
            Match m = matches.get(i);
            ascii(i == 0 ? "{\"rule\":" : ",{\"rule\":");
            string(m.rule());
            ascii(",\"category\":");
            string(m.category().wire());
            ascii(",\"severity\":");
            string(m.severity().wire());
            ascii(",\"term\":");
            string(m.term());
            ascii(",\"start\":");
            number(m.start());
            ascii(",\"end\":");
            number(m.end());
            if (steps) {
                ascii(",\"kind\":");
                string(m.kind().wire());
                ascii(",\"steps\":[");
                for (int k = 0; k < m.steps().size(); k++) {
                    if (k > 0) put((byte) ',');
                    string(m.steps().get(k));
                }
                put((byte) ']');
            }
            put((byte) '}');
        }
        put((byte) ']');
    }

    /** A JSON string: quotes, backslashes and control chars escaped, lone surrogates as \\uXXXX, the rest UTF-8. */
    void string(String s) {
        ensure(s.length() * 3 + 2);
        buf[n++] = '"';
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                if (c == '"' || c == '\\') {
                    ensure(2 + s.length() * 3);
                    buf[n++] = '\\';
                    buf[n++] = (byte) c;
                } else if (c < 0x20) {
                    escape(c, s.length());
                } else {
                    buf[n++] = (byte) c;
                }
            } else if (c < 0x800) {
                buf[n++] = (byte) (0xC0 | c >> 6);
                buf[n++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c)
                    && i + 1 < s.length()
                    && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                buf[n++] = (byte) (0xF0 | cp >> 18);
                buf[n++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                buf[n++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                buf[n++] = (byte) (0x80 | (cp & 0x3F));
            } else if (Character.isSurrogate(c)) {
                escape(c, s.length());
            } else {
                buf[n++] = (byte) (0xE0 | c >> 12);
                buf[n++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                buf[n++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        ensure(1);
        buf[n++] = '"';
    }

    private void escape(char c, int room) {
        ensure(6 + room * 3);
        buf[n++] = '\\';
        buf[n++] = 'u';
        buf[n++] = HEX[c >> 12 & 0xF];
        buf[n++] = HEX[c >> 8 & 0xF];
        buf[n++] = HEX[c >> 4 & 0xF];
        buf[n++] = HEX[c & 0xF];
    }

    private void number(long v) {
        if (v < 0) {
            ascii(Long.toString(v));
            return;
        }
        ensure(20);
        int from = n;
        do {
            buf[n++] = (byte) ('0' + v % 10);
            v /= 10;
        } while (v > 0);
        for (int a = from, b = n - 1; a < b; a++, b--) {
            byte t = buf[a];
            buf[a] = buf[b];
            buf[b] = t;
        }
    }

    private void ascii(String s) {
        int len = s.length();
        ensure(len);
        for (int i = 0; i < len; i++) buf[n++] = (byte) s.charAt(i);
    }

    private void put(byte b) {
        ensure(1);
        buf[n++] = b;
    }

    private void ensure(int more) {
        if (n + more > buf.length) buf = Arrays.copyOf(buf, Math.max(buf.length * 2, n + more));
    }
}
