package io.livemod.rules;

import java.util.Locale;

/**
 * Where a keyword term may match, judged on the normalized word stream (see {@code docs}):
 * <ul>
 *   <li>{@code word}: starts and ends on word boundaries; where the term has a space the text must
 *       break words too ("con mẹ" does not match "conmẹ");</li>
 *   <li>{@code phrase}: starts and ends on word boundaries; the term's words may be run together
 *       ("địt mẹ" matches "ditme");</li>
 *   <li>{@code prefix}: starts on a word boundary, ends anywhere;</li>
 *   <li>{@code substring}: anywhere.</li>
 * </ul>
 */
public enum MatchMode {
    WORD,
    PHRASE,
    PREFIX,
    SUBSTRING;

    private final String wire = name().toLowerCase(Locale.ROOT);

    /** The lower-case name used in files and on the wire (computed once: verdicts ask for it per match). */
    public String wire() {
        return wire;
    }

    public static MatchMode fromWire(String s) {
        return valueOf(s.trim().toUpperCase(Locale.ROOT));
    }
}
