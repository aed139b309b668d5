package io.livemod.rules.signal;

import io.livemod.rules.CompiledRuleSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Whether a chat line is a question ("có quà tặng kèm không ạ", "150k hả shop", "ship về Huế mấy
 * ngày?"). In a live sale hundreds of buyers ask the same question about the shop's gifts and
 * prices; a spammer announces ("nhận quà tặng 500k ngay"). {@link CopyRisk} lets offer cues count
 * only outside questions.
 *
 * <p>Vietnamese puts its question word at the end, before the polite particles and the addressee:
 * the trailing "ạ", "nha", "shop ơi", "chị" are skipped and the last word left is looked up. The
 * lists are reduced to the canonical form when loaded, so "ko", "k", "hông" all match "không".
 */
public final class Questions {
    private static final Set<String> ENDERS = canonical(
            "không",
            "ko",
            "k",
            "kh",
            "hông",
            "hok",
            "hem",
            "chưa",
            "chứ",
            "sao",
            "gì",
            "nào",
            "nhỉ",
            "đâu",
            "hả",
            "hở",
            "bao nhiêu",
            "mấy",
            "bn",
            "ai",
            "thế nào",
            "ra sao",
            "được không");
    private static final Set<String> TRAILING = canonical(
            "ạ", "a", "ak", "ah", "nha", "nhé", "nhen", "nhe", "vậy", "thế", "z", "v", "shop", "sốp", "ad", "admin",
            "ơi", "chị", "anh", "em", "bạn", "b", "c", "e", "idol", "ạ shop");

    private Questions() {}

    /**
     * Whether the line asks something: it carries a question mark, or its last word before polite
     * particles and the addressee is a question word. A line typed with marks that ends in "à" or
     * "ư" asks too ("150k à"); without marks that "a" is taken for the polite "ạ".
     */
    public static boolean asked(String text, String canonical) {
        if (text != null && (text.indexOf('?') >= 0 || endsWithAsking(text))) return true;
        if (canonical == null || canonical.isEmpty()) return false;
        String[] w = canonical.split(" ", -1);
        int end = w.length;
        while (end > 0 && TRAILING.contains(w[end - 1])) end--;
        if (end == 0) return false;
        return ENDERS.contains(w[end - 1]) || (end >= 2 && ENDERS.contains(w[end - 2] + " " + w[end - 1]));
    }

    /** A last word "à" or "ư", possibly before "shop"/"ạ" and the like: a rising question in marked text. */
    private static boolean endsWithAsking(String text) {
        String t = java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFC)
                .toLowerCase(java.util.Locale.ROOT);
        String[] w = t.split("[^\\p{L}\\p{N}]+", -1);
        for (int i = w.length - 1; i >= 0; i--) {
            if (w[i].isEmpty()) continue;
            if (w[i].equals("à") || w[i].equals("ư")) return true;
            if (!TRAILING.contains(CompiledRuleSet.canonical(w[i])) || w[i].equals("a")) return false;
        }
        return false;
    }

    private static Set<String> canonical(String... words) {
        return Stream.of(words)
                .map(CompiledRuleSet::canonical)
                .filter(s -> !s.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }
}
