package io.livemod.rules.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Normalization steps as bits, carried per normalized character so a match can name exactly the
 * steps its own span needed (a hit on "đ.m" reports "separator", not everything the comment needed).
 */
public final class Steps {
    public static final int UNICODE = 1; // NFKC composition/compatibility folding, stray combining marks
    public static final int FULLWIDTH = 1 << 1; // U+FF01..U+FF5E and friends (also UNICODE)
    public static final int INVISIBLE = 1 << 2; // zero-width, bidi controls, soft hyphen, tags ... removed
    public static final int CASE = 1 << 3;
    public static final int LOOKALIKE = 1 << 4; // Cyrillic/Greek letters that look Latin
    public static final int LEET = 1 << 5; // 0→o, 1→i, @→a ...
    public static final int REPEAT = 1 << 6; // điiiiịt → địt
    public static final int SEPARATOR = 1 << 7; // đ.m, n-g-u, d m
    public static final int SPELLED = 1 << 8; // đờ mờ → đm
    public static final int TEENCODE = 1 << 9; // vcl → vãi cả lồn, đjt → đit
    public static final int UNACCENTED = 1 << 10; // set by the matcher: text typed without the term's marks
    /**
     * Internal, never named (a match reports it as {@code separator}): the char was one of a run of
     * one-char words joined ("c a c"). Two such words are as often teencode ("e o" = em ơi) as an
     * evasion, so the matcher weighs them apart from a separator inside a word.
     */
    public static final int SPACED = 1 << 11;

    private static final String[] NAMES = {
        "unicode",
        "fullwidth",
        "invisible",
        "case",
        "lookalike",
        "leet",
        "repeat",
        "separator",
        "spelled",
        "teencode",
        "unaccented"
    };

    private Steps() {}

    public static List<String> names(int bits) {
        List<String> out = new ArrayList<>(4);
        for (int i = 0; i < NAMES.length; i++) if ((bits & (1 << i)) != 0) out.add(NAMES[i]);
        return out;
    }

    public static List<String> all() {
        return List.of(NAMES);
    }
}
