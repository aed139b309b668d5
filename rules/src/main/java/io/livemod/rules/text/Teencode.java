package io.livemod.rules.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The whole-word teencode table (dm → địt mẹ) and the names of letters (đờ → đ). Both are data
 * files under {@code /rules/} in the jar; a rule set can add entries of its own. Immutable.
 */
public final class Teencode {
    /** An expansion as normalized chars, with {@code hard[i]} true where a word starts (i &gt; 0). */
    @SuppressWarnings("ArrayRecordComponent") // arrays for the matching loop; never compared with equals
    record Expansion(char[] chars, boolean[] hard) {}

    private static final Teencode BUILT_IN =
            new Teencode(read("/rules/teencode.tsv"), read("/rules/spelled-letters.tsv"));

    private final Map<String, String> words;
    private final Map<String, String> letterNames;
    private final CharKeyMap<Expansion> expansions;
    private final CharKeyMap<Character> letters;
    private final CharKeyMap<Boolean> special; // keys of both maps: one probe per word on the fast path

    private Teencode(Map<String, String> words, Map<String, String> letterNames) {
        this.words = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(words));
        this.letterNames = Map.copyOf(letterNames);
        Map<String, Expansion> ex = new LinkedHashMap<>();
        words.forEach((k, v) -> ex.putIfAbsent(key(k), expansion(v))); // first spelling listed wins
        expansions = new CharKeyMap<>(ex);
        Map<String, Character> ln = new LinkedHashMap<>();
        letterNames.forEach((k, v) -> ln.put(key(k), fold(v).charAt(0)));
        letters = new CharKeyMap<>(ln);
        Map<String, Boolean> any = new LinkedHashMap<>();
        ex.keySet().forEach(k -> any.put(k, Boolean.TRUE));
        ln.keySet().forEach(k -> any.put(k, Boolean.TRUE));
        special = new CharKeyMap<>(any);
    }

    /** Whether the word is an abbreviation or a letter name, i.e. pass 3 may restructure around it. */
    boolean special(char[] buf, int from, int to) {
        return special.get(buf, from, to) != null;
    }

    public static Teencode builtIn() {
        return BUILT_IN;
    }

    /** This table plus {@code extra} (a rule set's own entries win over built-in ones). */
    public Teencode with(Map<String, String> extra) {
        if (extra.isEmpty()) return this;
        Map<String, String> merged = new LinkedHashMap<>(extra); // listed first, so they win
        words.forEach(merged::putIfAbsent);
        return new Teencode(merged, letterNames);
    }

    public Map<String, String> words() {
        return words;
    }

    Expansion expansion(char[] buf, int from, int to) {
        return expansions.get(buf, from, to);
    }

    /** The letter a spelled-out name stands for, or 0. */
    char letter(char[] buf, int from, int to) {
        Character c = letters.get(buf, from, to);
        return c == null ? 0 : c;
    }

    /**
     * A key as the normalizer will present the word it is compared with (case, leet, repeats ...):
     * "NCC" and "ncc" become "nc" there, so the key must too.
     */
    private static String key(String k) {
        Buf w = io.livemod.rules.text.Normalizer.words(io.livemod.rules.text.Normalizer.fold(fold(k)));
        return new String(w.ch, 0, w.n);
    }

    private static String fold(String s) {
        return Normalizer.normalize(s.trim(), Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    }

    private static Expansion expansion(String v) {
        String[] parts = fold(v).split("\\s+", -1);
        StringBuilder b = new StringBuilder();
        boolean[] hard = new boolean[fold(v).replaceAll("\\s+", "").length()];
        for (String p : parts) {
            if (b.length() > 0) hard[b.length()] = true;
            b.append(p);
        }
        return new Expansion(b.toString().toCharArray(), hard);
    }

    private static Map<String, String> read(String resource) {
        Map<String, String> out = new LinkedHashMap<>();
        try (InputStream in = Teencode.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException(resource + " missing from the jar");
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) continue;
                int tab = line.indexOf('\t');
                if (tab < 0) throw new IllegalStateException(resource + ": no tab in: " + line);
                out.put(line.substring(0, tab), line.substring(tab + 1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
