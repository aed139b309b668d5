package io.livemod.gateway.ministry;

import java.util.Map;

/**
 * Replaces raw user ids inside free text (an alert's summary, a behaviour flag's explanation: "lock
 * recommended: ... (user 84901234567)", "commercial livestream by an unverified streamer s-42") with
 * what the officer may see. An id is replaced only where it stands alone, between characters that
 * cannot be part of an id, so "u1" does not touch "u12" and a number does not eat into another.
 */
final class Redaction {
    private Redaction() {}

    /** @param shown raw id → what officers see (a pseudonym, or the id itself once escalated) */
    static String apply(String text, Map<String, String> shown) {
        if (text == null || text.isEmpty()) return text;
        String out = text;
        for (Map.Entry<String, String> e : shown.entrySet()) {
            String raw = e.getKey();
            if (raw == null || raw.isEmpty() || raw.equals(e.getValue())) continue;
            out = replaceStandalone(out, raw, e.getValue());
        }
        return out;
    }

    private static String replaceStandalone(String text, String raw, String replacement) {
        StringBuilder b = null;
        int from = 0;
        for (int at = text.indexOf(raw); at >= 0; at = text.indexOf(raw, at + 1)) {
            int end = at + raw.length();
            if ((at > 0 && idChar(text.charAt(at - 1))) || (end < text.length() && idChar(text.charAt(end)))) continue;
            if (b == null) b = new StringBuilder(text.length());
            b.append(text, from, at).append(replacement);
            from = end;
            at = end - 1;
        }
        return b == null ? text : b.append(text, from, text.length()).toString();
    }

    private static boolean idChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '@';
    }
}
