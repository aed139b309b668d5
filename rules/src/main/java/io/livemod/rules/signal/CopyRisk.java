package io.livemod.rules.signal;

import io.livemod.rules.CompiledRuleSet;
import io.livemod.rules.Match;
import io.livemod.rules.Severity;
import io.livemod.rules.Verdict;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Whether a text carries risk when many accounts copy-paste it, and how much. Real livestream chat
 * repeats itself: hundreds of viewers type the same "chốt đơn" or song request, so repetition alone
 * is no evidence. Copy-paste is evidence when the text carries something a spammer or scammer needs:
 * a hit of the rule set (a keyword, or a pattern such as a phone number, a link or a messenger
 * handle), money, a prize, or a call to contact or click ({@code rules/signal/copy-risk.tsv}, whose
 * phrases are reduced to the canonical form when loaded, so they match however the text was typed).
 *
 * <p>Pure: no Kafka types; the features are matched on the canonical text that duplicate detection
 * already computes, so the cost is a few regex scans of a short string per comment that is long
 * enough to be duplicate evidence.
 */
public final class CopyRisk {
    /**
     * What made a text risky. {@link #RULE} is a live match of the active rule set; {@link #NEW_ACCOUNTS}
     * is not in the text but in who sends it: a burst of accounts created days ago (set by the
     * duplicate stage, which sees the authors).
     */
    public enum Feature {
        RULE,
        MONEY,
        PRIZE,
        CALL,
        NEW_ACCOUNTS
    }

    /** The features found and the worst severity among them; {@link #NONE} for ordinary text. */
    public record Risk(EnumSet<Feature> features, Severity severity) {
        public static final Risk NONE = new Risk(EnumSet.noneOf(Feature.class), Severity.LOW);

        public boolean risky() {
            return !features.isEmpty();
        }

        /** This risk with one more feature, its severity at least {@code severity}. */
        public Risk with(Feature feature, Severity severity) {
            EnumSet<Feature> fs = features.isEmpty() ? EnumSet.noneOf(Feature.class) : EnumSet.copyOf(features);
            fs.add(feature);
            return new Risk(fs, features.isEmpty() ? severity : Severity.max(this.severity, severity));
        }

        /** One byte for the binary state formats: bit i is feature i, bits 5–6 the severity. */
        @SuppressWarnings(
                "EnumOrdinal") // the byte layout is declaration order: reordering Feature or Severity would misread
        // stored state
        public byte encode() {
            int bits = 0;
            for (Feature f : features) bits |= 1 << f.ordinal();
            return (byte) (bits | severity.ordinal() << 5);
        }

        @SuppressWarnings(
                "EnumOrdinal") // the byte layout is declaration order: reordering Feature or Severity would misread
        // stored state
        public static Risk decode(byte b) {
            EnumSet<Feature> fs = EnumSet.noneOf(Feature.class);
            for (Feature f : Feature.values()) if ((b & (1 << f.ordinal())) != 0) fs.add(f);
            return fs.isEmpty() ? NONE : new Risk(fs, Severity.values()[(b >> 5) & 3]);
        }

        public String describe() {
            return features.isEmpty()
                    ? "none"
                    : features.toString().toLowerCase(java.util.Locale.ROOT) + ", " + severity.wire();
        }
    }

    /**
     * A phrase (in canonical form) or, for amounts, a regex; regexes run only on texts with a digit.
     * An {@code offer} cue is what shops offer and buyers ask about: it counts only outside questions.
     */
    private record Cue(Feature feature, Severity severity, Pattern regex, boolean offer) {}

    /** What {@link #assess} found so far; offer cues are kept apart until the text is known not to be a question. */
    private static final class Found {
        final EnumSet<Feature> features = EnumSet.noneOf(Feature.class);
        final EnumSet<Feature> offers = EnumSet.noneOf(Feature.class);
        Severity worst = Severity.LOW;
        Severity worstOffer = Severity.LOW;

        void add(Cue c) {
            if (c.offer()) {
                offers.add(c.feature());
                worstOffer = Severity.max(worstOffer, c.severity());
            } else {
                features.add(c.feature());
                worst = Severity.max(worst, c.severity());
            }
        }
    }

    private static final CopyRisk STANDARD = load("/rules/signal/copy-risk.tsv");
    private final Map<String, Cue> phrases; // canonical (no marks): for texts typed without marks
    private final Map<String, Cue> marked; // as written, lower case: for texts typed with marks
    private final int maxWords;
    private final List<Cue> regexes;

    private CopyRisk(Map<String, Cue> phrases, Map<String, Cue> marked, List<Cue> regexes) {
        this.phrases = Map.copyOf(phrases);
        this.marked = Map.copyOf(marked);
        this.regexes = List.copyOf(regexes);
        this.maxWords = java.util.stream.Stream.concat(phrases.keySet().stream(), marked.keySet().stream())
                .mapToInt(k -> k.split(" ").length)
                .max()
                .orElse(0);
    }

    public static CopyRisk standard() {
        return STANDARD;
    }

    /**
     * The risk of {@code canonical} (see {@code CompiledRuleSet.canonical}) given the rule set's
     * verdict on the same comment: a live rule match counts with its own severity. Phrases are looked
     * up word run by word run in a hash map (a regex alternation scanned at every offset cost more
     * than the rule engine itself).
     */
    public Risk assess(String canonical, Verdict verdict) {
        return assess(null, canonical, verdict);
    }

    /**
     * As {@link #assess(String, Verdict)}, with the text as typed: when it carries tone marks, phrases
     * are matched with their marks, since without them everyday words collide with the cues ("hôm
     * qua tặng em" is not "quà tặng", "tiết kiệm tiền" is not "kiếm tiền"). A text typed without any
     * mark is matched on its canonical form.
     */
    public Risk assess(String text, String canonical, Verdict verdict) {
        Found found = new Found();
        if (verdict != null && verdict.flagged()) {
            found.features.add(Feature.RULE);
            for (Match m : verdict.matches()) found.worst = Severity.max(found.worst, m.severity());
        }
        if (canonical != null && !canonical.isEmpty()) {
            String words = text == null ? null : markedWords(text);
            if (words == null) phraseHits(canonical, phrases, found);
            else phraseHits(words, marked, found);
            if (hasDigit(canonical)) {
                for (Cue c : regexes) if (c.regex().matcher(canonical).find()) found.add(c);
            }
            if (!found.offers.isEmpty() && !Questions.asked(text, canonical)) {
                found.features.addAll(found.offers);
                found.worst = Severity.max(found.worst, found.worstOffer);
            }
        }
        return found.features.isEmpty() ? Risk.NONE : new Risk(found.features, found.worst);
    }

    /** Lower-case words of {@code text} separated by single spaces, or null when it has no tone mark or Vietnamese letter. */
    static String markedWords(String text) {
        String t = java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFC)
                .toLowerCase(java.util.Locale.ROOT);
        StringBuilder b = new StringBuilder(t.length());
        boolean marks = false;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            boolean inner = c == '.'
                    && i + 1 < t.length()
                    && Character.isLetterOrDigit(t.charAt(i + 1))
                    && b.length() > 0
                    && b.charAt(b.length() - 1) != ' '; // "t.me", not a full stop
            if (Character.isLetterOrDigit(c) || inner) {
                if (c > 0x7f && Character.isLetter(c)) marks = true;
                b.append(c);
            } else if (b.length() > 0 && b.charAt(b.length() - 1) != ' ') {
                b.append(' ');
            }
        }
        int n = b.length();
        if (n > 0 && b.charAt(n - 1) == ' ') b.setLength(n - 1);
        return marks ? b.toString() : null;
    }

    private void phraseHits(String text, Map<String, Cue> phrases, Found found) {
        int n = text.length();
        for (int start = 0; start < n; ) {
            int end = start;
            for (int w = 0; w < maxWords && end < n; w++) {
                end = text.indexOf(' ', end + 1);
                if (end < 0) end = n;
                Cue c = phrases.get(text.substring(start, end));
                if (c != null) found.add(c);
            }
            int next = text.indexOf(' ', start);
            start = next < 0 ? n : next + 1;
        }
    }

    /** Of two cues for one phrase, the worse; at equal severity the one that counts in questions too. */
    private static Cue worse(Cue a, Cue b) {
        int c = a.severity().compareTo(b.severity());
        return c > 0 || (c == 0 && !a.offer()) ? a : b;
    }

    private static boolean hasDigit(String s) {
        for (int i = 0; i < s.length(); i++) if (Character.isDigit(s.charAt(i))) return true;
        return false;
    }

    static CopyRisk load(String resource) {
        Map<String, Cue> phrases = new HashMap<>();
        Map<String, Cue> marked = new HashMap<>();
        List<Cue> regexes = new ArrayList<>();
        try (InputStream in = Objects.requireNonNull(CopyRisk.class.getResourceAsStream(resource), resource);
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            int n = 0;
            for (String line; (line = r.readLine()) != null; ) {
                n++;
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] f = line.split("\t", 4);
                if (f.length != 4)
                    throw new IllegalStateException(resource + ":" + n + ": expected feature, severity, how and what");
                Feature feature = Feature.valueOf(f[0].trim().toUpperCase(java.util.Locale.ROOT));
                Severity severity = Severity.fromWire(f[1]);
                String how = f[2].trim();
                boolean offer = how.startsWith("offer ");
                switch (offer ? how.substring("offer ".length()) : how) {
                    case "regex" -> regexes.add(new Cue(feature, severity, Pattern.compile(f[3].trim()), offer));
                    case "phrases" -> {
                        for (String phrase : f[3].split(",", -1)) {
                            Cue cue = new Cue(feature, severity, null, offer);
                            String c = CompiledRuleSet.canonical(phrase.trim());
                            if (!c.isEmpty()) phrases.merge(c, cue, CopyRisk::worse);
                            String m = markedWords(phrase.trim());
                            marked.merge(
                                    m == null ? phrase.trim().toLowerCase(java.util.Locale.ROOT) : m,
                                    cue,
                                    CopyRisk::worse);
                        }
                    }
                    default ->
                        throw new IllegalStateException(
                                resource + ":" + n + ": how: [offer] phrases or [offer] regex, got " + f[2]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new CopyRisk(phrases, marked, regexes);
    }
}
