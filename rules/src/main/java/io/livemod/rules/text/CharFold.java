package io.livemod.rules.text;

import java.text.Normalizer;

/**
 * Per-character folding tables for the BMP, computed once: NFKC, lower case, look-alike letters,
 * invisible characters, the tone/diacritic-stripped base letter, and a character class. A table
 * lookup per char keeps normalization linear and allocation-free on the common path; only combining
 * sequences and surrogate pairs take the slow {@link java.text.Normalizer} path.
 */
final class CharFold {
    static final byte LETTER = 0, DIGIT = 1, SPACE = 2, SEP = 3, MARK = 4;

    /**
     * Packed per char, so the hot loops touch one cache line per char instead of one per table:
     * bits 0-15 the folded char (0 when the fold is "remove" or multi-char, see {@link #MULTI}),
     * 16-18 the class, 24-31 the fold's step bits.
     */
    private static final int[] INFO = new int[65536];
    /** Packed: bits 0-15 the stripped letter, 16-31 the toneless letter. */
    private static final int[] BASES = new int[65536];

    private static final String[] MULTI = new String[65536];

    static {
        for (int c = 0; c < 65536; c++) {
            char ch = (char) c;
            int type = Character.getType(ch);
            BASES[c] = strip(ch) | toneless(ch) << 16;
            int cls = classify(ch, type) << 16;
            INFO[c] = cls;
            if (Character.isSurrogate(ch)) continue;
            if (c == 0) { // NUL reads as a word break, like the space it most likely replaced
                MULTI[c] = " ";
                continue;
            }
            if (isInvisible(ch, type)) {
                INFO[c] = cls | Steps.INVISIBLE << 24;
                MULTI[c] = "";
                continue;
            }
            if (isMark(type)) { // a mark with no base to compose with: dropped
                INFO[c] = cls | Steps.UNICODE << 24;
                MULTI[c] = "";
                continue;
            }
            int bits = 0;
            String s = String.valueOf(ch);
            String k = Normalizer.normalize(s, Normalizer.Form.NFKC);
            if (!k.equals(s)) bits |= (c >= 0xFF00 && c <= 0xFFEF) ? Steps.FULLWIDTH | Steps.UNICODE : Steps.UNICODE;
            StringBuilder out = new StringBuilder(k.length());
            for (int i = 0; i < k.length(); i++) {
                char x = k.charAt(i);
                char lower = Character.toLowerCase(x);
                if (lower != x) bits |= Steps.CASE;
                char look = Lookalikes.map(lower);
                if (look == lower) look = markedLookalike(lower);
                if (look != lower) bits |= Steps.LOOKALIKE;
                if (!isMark(Character.getType(look))) out.append(look);
            }
            if (bits > 0xFF) throw new IllegalStateException("fold step bits must fit in 8 bits: " + bits);
            INFO[c] = cls | bits << 24 | (out.length() == 1 ? out.charAt(0) : 0);
            if (out.length() != 1) MULTI[c] = out.toString();
        }
    }

    private CharFold() {}

    static char single(char c) {
        return (char) INFO[c];
    }

    static String multi(char c) {
        return MULTI[c];
    }

    static int bits(char c) {
        return INFO[c] >>> 24;
    }

    static char strip(int c) {
        return (char) BASES[c];
    }

    /** The letter without its tone but with its letter diacritic: ị → i, ự → ư; ư and u stay apart. */
    static char toneless(int c) {
        return (char) (BASES[c] >>> 16);
    }

    static byte cls(char c) {
        return (byte) ((INFO[c] >>> 16) & 7);
    }

    static boolean isMark(int type) {
        return type == Character.NON_SPACING_MARK
                || type == Character.ENCLOSING_MARK
                || type == Character.COMBINING_SPACING_MARK;
    }

    /** Format controls (zero-width space/joiners, bidi, soft hyphen, tags) plus fillers that render as nothing. */
    private static boolean isInvisible(char c, int type) {
        return type == Character.FORMAT
                || c == '\u034F'
                || c == '\u115F'
                || c == '\u1160'
                || c == '\u3164'
                || c == '\uFFA0'
                || (c >= '\uFE00' && c <= '\uFE0F')
                || c == '\u180B'
                || c == '\u180C'
                || c == '\u180D'
                || c == '\u2800';
    }

    private static byte classify(char c, int type) {
        if (isMark(type)) return MARK;
        if (c == 0) return SPACE;
        if (Character.isLetter(c)) return LETTER;
        if (Character.isDigit(c)) return DIGIT;
        if (Character.isWhitespace(c) || Character.isSpaceChar(c)) return SPACE;
        return SEP;
    }

    /**
     * A precomposed look-alike with a mark ("ѐ", Cyrillic e with grave) as the Latin letter with that
     * mark ("è"), when one exists; else {@code c}.
     */
    private static char markedLookalike(char c) {
        String d = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
        if (d.length() < 2) return c;
        char latin = Lookalikes.map(d.charAt(0));
        if (latin == d.charAt(0)) return c;
        String r = Normalizer.normalize(latin + d.substring(1), Normalizer.Form.NFC);
        return r.length() == 1 ? r.charAt(0) : c;
    }

    /** The five Vietnamese tone marks, as combining chars: grave, acute, tilde, hook above, dot below. */
    private static final String TONES = "\u0300\u0301\u0303\u0309\u0323";

    private static char toneless(char c) {
        if (c < 0xC0 || !Character.isLetter(c)) return c;
        String d = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
        StringBuilder kept = new StringBuilder(d.length()); // a char loop: a regex here cost 40k compiles at start-up
        for (int i = 0; i < d.length(); i++) if (TONES.indexOf(d.charAt(i)) < 0) kept.append(d.charAt(i));
        String r = Normalizer.normalize(kept, Normalizer.Form.NFC);
        return r.length() == 1 ? r.charAt(0) : c;
    }

    /** Base letter without tone marks or letter diacritics; đ is d (people type "d" for "đ"). */
    private static char strip(char c) {
        if (c == 'đ') return 'd';
        if (c == 'Đ') return 'D';
        if (c < 0xC0 || !Character.isLetter(c)) return c;
        String d = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
        return d.length() > 1 && Character.isLetter(d.charAt(0)) && isMark(Character.getType(d.charAt(1)))
                ? d.charAt(0)
                : c;
    }
}
