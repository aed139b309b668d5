package io.livemod.rules;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;

/**
 * Seeded generators for the evasion classes of issue 17, each case a comment with the term embedded
 * in ordinary chat, and the collision traps that must never flag. Generated, not listed: the pack is
 * not tuned to a fixed list, and a new term in the pack is tried the next time the tests run.
 */
final class EvasionClasses {
    /** One generated comment, the class it belongs to, and what must catch it. */
    record Case(String kind, String text, String term, String rule, Predicate<Verdict> caught) {
        @Override
        public String toString() {
            return kind + ": '" + text + "' (" + term + ", " + rule + ")";
        }
    }

    static final List<String> KINDS =
            List.of("letters-apart", "plain-evaded", "lookalike-marks", "job-scam", "intensifier");

    /** Ordinary chat the term is dropped into; none of these words is a term, an allow phrase or a context cue. */
    private static final String[] CARRIERS = {
        "{x}",
        "trời ơi {x} luôn",
        "xem live mà thấy {x} thật",
        "{x} nha mọi người",
        "ủa alo {x} hả",
        "hôm nay {x} quá trời",
        "tối qua coi lại {x} á",
        "kkk {x} haha",
        "{x} 😂😂",
        "ai thấy {x} giống em không",
        "{x}!!!",
        "công nhận {x} ghê"
    };

    private static final String CYRILLIC_FROM = "aeopcyxi", CYRILLIC_TO = "аеорсухі";
    private static final String LEET_FROM = "oieastbgl", LEET_TO = "01345789|";

    private final RuleSet pack;

    EvasionClasses(RuleSet pack) {
        this.pack = pack;
    }

    /** {@code n} cases of one class from {@code seed}. */
    List<Case> cases(String kind, int n, long seed) {
        Random r = new Random(seed);
        List<Case> out = new ArrayList<>(n);
        List<String[]> core = termsOf(rule -> rule.context() == null && !family(rule)); // {term, rule}
        List<String[]> plainRefused = termsOf(rule -> rule.context() == null && !rule.unaccented());
        while (out.size() < n) {
            Case c =
                    switch (kind) {
                        case "letters-apart" -> lettersApart(pick(core, r), r);
                        case "plain-evaded" -> plainEvaded(pick(plainRefused, r), r);
                        case "lookalike-marks" -> lookalikeMarks(pick(core, r), r);
                        case "job-scam" -> ScamAndSlang.jobScam(r);
                        case "intensifier" -> ScamAndSlang.intensifier(r);
                        default -> throw new IllegalArgumentException(kind);
                    };
            if (c != null) out.add(c);
        }
        return out;
    }

    /** The live keyword rules' terms, {term, rule id}, of rules that {@code which} accepts. */
    private List<String[]> termsOf(Predicate<Rule> which) {
        List<String[]> out = new ArrayList<>();
        for (Rule rule : pack.rules()) {
            if (rule.kind() != RuleKind.KEYWORD || rule.state() != RuleState.LIVE || !which.test(rule)) continue;
            for (String t : rule.terms()) out.add(new String[] {t, rule.id()});
        }
        return out;
    }

    /** The two families with classes of their own (job scams, intensifiers). */
    private static boolean family(Rule rule) {
        return rule.id().startsWith("scam-job") || rule.id().equals("profanity-intensifier");
    }

    /**
     * The letters of the term (and, one time in three, of the word next to it) apart, one by one, by
     * spaces, dots or dashes: "n h à c á i", "v à o n h à c á i", "c-o-n c-h-ó", "đ.ị.t.m.ẹ".
     */
    private static Case lettersApart(String[] term, Random r) {
        String[] seps = {" ", ".", "-", " . ", " - "};
        String sep = seps[r.nextInt(seps.length)];
        boolean perWord = r.nextInt(3) == 0; // "n.h.à c.á.i": apart inside words, words by a space
        String neighbour = r.nextInt(3) == 0 ? new String[] {"vào", "xem", "đúng", "thật"}[r.nextInt(4)] : null;
        String phrase =
                neighbour == null ? term[0] : r.nextBoolean() ? neighbour + " " + term[0] : term[0] + " " + neighbour;
        StringBuilder b = new StringBuilder();
        for (String word : phrase.split(" ", -1)) {
            if (b.length() > 0) b.append(perWord ? " " : sep);
            b.append(String.join(sep, word.split("")));
        }
        return live("letters-apart", carrier(b.toString(), r), term);
    }

    /**
     * A term that only matches with its marks ("lồn", "cặc", "đéo", "buồi") typed without them and
     * with one evasion: leetspeak, full-width, mixed case, separators, letters spaced, look-alikes.
     */
    private static Case plainEvaded(String[] term, Random r) {
        String plain = Evasions.unaccented(term[0]);
        String[] ways = {"leet", "fullwidth", "mixed-case", "separator", "spaced", "lookalike"};
        String way = ways[r.nextInt(ways.length)];
        String evaded =
                switch (way) {
                    case "leet" -> leet(plain, r);
                    case "fullwidth" -> fullwidth(plain);
                    case "mixed-case" -> mixedCase(plain, r);
                    case "separator" -> separated(plain, r);
                    case "spaced" ->
                        plain.replace(" ", "").length() >= 3
                                ? String.join(" ", plain.replace(" ", "").split(""))
                                : null;
                    default -> lookalike(plain, r);
                };
        return evaded == null ? null : live("plain-evaded", carrier(evaded, r), term);
    }

    /** Cyrillic look-alikes carrying the term's tone marks as combining characters ("lо̂̀n", "mе̣"). */
    private static Case lookalikeMarks(String[] term, Random r) {
        String d = Normalizer.normalize(term[0], Normalizer.Form.NFD);
        StringBuilder b = new StringBuilder();
        boolean markedLookalike = false;
        for (int i = 0; i < d.length(); i++) {
            char c = d.charAt(i);
            int k = CYRILLIC_FROM.indexOf(c);
            boolean marked = i + 1 < d.length() && Character.getType(d.charAt(i + 1)) == Character.NON_SPACING_MARK;
            if (k >= 0 && (marked || r.nextBoolean())) {
                b.append(CYRILLIC_TO.charAt(k));
                markedLookalike |= marked;
            } else {
                b.append(c);
            }
        }
        return markedLookalike ? live("lookalike-marks", carrier(b.toString(), r), term) : null;
    }

    /** Caught: a live match of the term's own rule. */
    private static Case live(String kind, String text, String[] term) {
        return new Case(kind, text, term[0], term[1], v -> v.matches().stream()
                .anyMatch(m -> m.rule().equals(term[1])));
    }

    static String carrier(String x, Random r) {
        return CARRIERS[r.nextInt(CARRIERS.length)].replace("{x}", x);
    }

    private static <T> T pick(List<T> list, Random r) {
        return list.get(r.nextInt(list.size()));
    }

    // ---- the evasions of plain text ----

    /** At least one letter with letters on both sides (in its word) as a digit or symbol; null when none can be. */
    static String leet(String s, Random r) {
        char[] a = s.toCharArray();
        List<Integer> at = new ArrayList<>();
        for (int i = 1; i + 1 < a.length; i++) {
            if (LEET_FROM.indexOf(a[i]) >= 0 && Character.isLetter(a[i - 1]) && Character.isLetter(a[i + 1])) at.add(i);
        }
        if (at.isEmpty()) return null;
        for (int i : at) if (r.nextBoolean()) a[i] = LEET_TO.charAt(LEET_FROM.indexOf(a[i]));
        int must = at.get(r.nextInt(at.size()));
        a[must] = LEET_TO.charAt(LEET_FROM.indexOf(s.charAt(must)));
        return new String(a);
    }

    static String fullwidth(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) b.append(c > ' ' && c < 0x7F ? (char) (c - 0x21 + 0xFF01) : c);
        return b.toString();
    }

    /** A capital after a lower-case letter in one word ("cAc", "lOn", "loN"); null for one-letter words only. */
    static String mixedCase(String s, Random r) {
        char[] a = s.toCharArray();
        List<Integer> at = new ArrayList<>();
        for (int i = 1; i < a.length; i++) if (Character.isLetter(a[i]) && Character.isLetter(a[i - 1])) at.add(i);
        if (at.isEmpty()) return null;
        int k = at.get(r.nextInt(at.size()));
        a[k] = Character.toUpperCase(a[k]);
        for (int i = k + 2; i < a.length; i++)
            if (Character.isLetter(a[i]) && r.nextInt(3) == 0) a[i] = Character.toUpperCase(a[i]);
        return new String(a);
    }

    /** Separators between letters of a word: every gap, or some of them (at least one). */
    static String separated(String s, Random r) {
        String seps = ".-*_";
        StringBuilder b = new StringBuilder();
        boolean every = r.nextBoolean(), any = false;
        for (int i = 0; i < s.length(); i++) {
            b.append(s.charAt(i));
            boolean inside =
                    i + 1 < s.length() && Character.isLetter(s.charAt(i)) && Character.isLetter(s.charAt(i + 1));
            if (inside && (every || r.nextBoolean() || (!any && i + 2 >= s.length()))) {
                b.append(seps.charAt(r.nextInt(seps.length())));
                any = true;
            }
        }
        return any ? b.toString() : null;
    }

    /** At least one letter as its Cyrillic twin; null when the text has none of a e o p c y x i. */
    static String lookalike(String s, Random r) {
        char[] a = s.toCharArray();
        List<Integer> at = new ArrayList<>();
        for (int i = 0; i < a.length; i++) if (CYRILLIC_FROM.indexOf(a[i]) >= 0) at.add(i);
        if (at.isEmpty()) return null;
        for (int i : at) if (r.nextBoolean()) a[i] = CYRILLIC_TO.charAt(CYRILLIC_FROM.indexOf(a[i]));
        int must = at.get(r.nextInt(at.size()));
        a[must] = CYRILLIC_TO.charAt(CYRILLIC_FROM.indexOf(s.charAt(must)));
        return new String(a);
    }
}
