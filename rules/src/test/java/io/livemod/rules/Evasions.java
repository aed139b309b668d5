package io.livemod.rules;

import java.text.Normalizer;
import java.util.Random;

/** Generates the evasions a commenter uses on a term, one kind at a time or mixed. */
final class Evasions {
    static final String[] KINDS = {
        "separator", "spaced", "repeat", "case", "leet", "lookalike", "invisible", "unaccented"
    };
    private static final String LEET_FROM = "oieastbgl";
    private static final String LEET_TO = "01345789|";
    private static final String LOOK_FROM = "aeopcyx";
    private static final String LOOK_TO = "аеорсух"; // Cyrillic
    private static final String[] INVISIBLE = {"\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF", "\u00AD"};
    private static final String SEPARATORS = ".-*_~,";

    private Evasions() {}

    static String apply(String kind, String term, Random r) {
        switch (kind) {
            case "separator":
                return perLetter(term, r, (c, sb) -> sb.append(SEPARATORS.charAt(r.nextInt(SEPARATORS.length()))));
            case "spaced": { // every letter of one word apart, as people spell out ("đ ụ má")
                String[] words = term.split(" ");
                int w = r.nextInt(words.length);
                words[w] = String.join(" ", words[w].split(""));
                return String.join(" ", words);
            }
            case "repeat": {
                StringBuilder b = new StringBuilder();
                for (int i = 0; i < term.length(); i++) {
                    char c = term.charAt(i);
                    b.append(c);
                    // A one-letter word is an abbreviation ("cái l"): "ll" is another token, like "cc".
                    boolean alone = (i == 0 || term.charAt(i - 1) == ' ')
                            && (i + 1 == term.length() || term.charAt(i + 1) == ' ');
                    if (Character.isLetter(c) && !alone && r.nextInt(3) == 0)
                        b.append(String.valueOf(c).repeat(1 + r.nextInt(5)));
                }
                return b.toString();
            }
            case "case": {
                StringBuilder b = new StringBuilder();
                for (char c : term.toCharArray()) b.append(r.nextBoolean() ? Character.toUpperCase(c) : c);
                return b.toString();
            }
            case "leet":
                return swapInterior(term, r, LEET_FROM, LEET_TO);
            case "lookalike":
                return swap(term, r, LOOK_FROM, LOOK_TO);
            case "invisible": {
                StringBuilder b = new StringBuilder();
                for (int j = 0; j < term.length(); j++) {
                    b.append(term.charAt(j));
                    if (r.nextInt(3) == 0) b.append(INVISIBLE[r.nextInt(INVISIBLE.length)]);
                }
                return b.toString();
            }
            case "unaccented":
                return unaccented(term);
            default:
                throw new IllegalArgumentException(kind);
        }
    }

    static String unaccented(String s) {
        String d = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return d.replace('đ', 'd').replace('Đ', 'D');
    }

    private interface Sep {
        void add(char c, StringBuilder b);
    }

    /** A separator between letters of the same word (every gap for "spaced", random gaps otherwise). */
    private static String perLetter(String term, Random r, Sep sep) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < term.length(); i++) {
            char c = term.charAt(i);
            b.append(c);
            boolean inside = i + 1 < term.length() && Character.isLetter(c) && Character.isLetter(term.charAt(i + 1));
            if (inside && r.nextBoolean()) sep.add(c, b);
        }
        return b.toString();
    }

    /** Leet only replaces letters that have letters on both sides, as people write it ("l0n", not "0c"). */
    private static String swapInterior(String term, Random r, String from, String to) {
        char[] a = term.toCharArray();
        for (int i = 1; i + 1 < a.length; i++) {
            int k = from.indexOf(a[i]);
            if (k >= 0
                    && Character.isLetter(term.charAt(i - 1))
                    && Character.isLetter(term.charAt(i + 1))
                    && r.nextBoolean()) {
                a[i] = to.charAt(k);
            }
        }
        return new String(a);
    }

    private static String swap(String term, Random r, String from, String to) {
        char[] a = term.toCharArray();
        for (int i = 0; i < a.length; i++) {
            int k = from.indexOf(a[i]);
            if (k >= 0 && r.nextBoolean()) a[i] = to.charAt(k);
        }
        return new String(a);
    }

    /** The term with one syllable's tone changed to another (or added): a different word. */
    static String otherTone(String term, Random r) {
        String[] words = term.split(" ");
        int w = r.nextInt(words.length);
        String d = Normalizer.normalize(words[w], Normalizer.Form.NFD);
        String tones = "\u0300\u0301\u0303\u0309\u0323";
        int at = -1;
        for (int i = 0; i < d.length(); i++) if (tones.indexOf(d.charAt(i)) >= 0) at = i;
        String changed;
        if (at >= 0) {
            String others = tones.replace(String.valueOf(d.charAt(at)), "");
            changed = d.substring(0, at) + others.charAt(r.nextInt(others.length())) + d.substring(at + 1);
        } else {
            int vowel = -1;
            for (int i = 0; i < d.length(); i++) if ("aeiouy".indexOf(d.charAt(i)) >= 0) vowel = i;
            if (vowel < 0) return null;
            changed = d.substring(0, vowel + 1) + tones.charAt(r.nextInt(tones.length())) + d.substring(vowel + 1);
        }
        words[w] = Normalizer.normalize(changed, Normalizer.Form.NFC);
        return String.join(" ", words);
    }
}
