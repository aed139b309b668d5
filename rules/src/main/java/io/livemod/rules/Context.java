package io.livemod.rules;

import java.util.List;

/**
 * The word-sense context of a keyword rule, for terms that are abuse only in some uses: "chó" aimed
 * at someone ("đồ chó", "mày ... chó") is an insult, the dog in "tiếng chó sủa" is not; "hiếp dâm"
 * in a threat flags, in crime reporting ("bị ... hiếp dâm") it does not.
 * <ul>
 *   <li>{@code needs}: phrases of which one must stand within {@code window} words of the hit
 *       (either side, same sentence) for the hit to flag: pronouns and determiners of abuse;</li>
 *   <li>{@code unless}: phrases that, within the window, take the hit out of context: the
 *       vocabulary of reporting;</li>
 *   <li>{@code otherwise}: what an out-of-context hit becomes: null for a shadow match (reported,
 *       never flags), or a severity at which it still flags.</li>
 * </ul>
 * Phrases are matched like {@code word} terms (normalized, tone marks per word, the rule's
 * {@code unaccented} setting). {@code name} is the {@code contexts:} entry it came from, or null.
 */
public record Context(String name, List<String> needs, List<String> unless, int window, Severity otherwise) {
    public static final int DEFAULT_WINDOW = 3;
    public static final int MAX_WINDOW = 8;

    public Context {
        needs = needs == null ? List.of() : List.copyOf(needs);
        unless = unless == null ? List.of() : List.copyOf(unless);
        if (window < 1 || window > MAX_WINDOW)
            throw new IllegalArgumentException("window must be 1.." + MAX_WINDOW + ": " + window);
        if (needs.isEmpty() && unless.isEmpty())
            throw new IllegalArgumentException("a context needs 'needs' or 'unless' phrases");
    }

    /** A context that flags only with one of {@code needs} near the hit, else reports it in shadow. */
    public static Context needs(List<String> phrases) {
        return new Context(null, phrases, List.of(), DEFAULT_WINDOW, null);
    }

    /** A context that flags unless one of {@code phrases} is near the hit (else reports it in shadow). */
    public static Context unless(List<String> phrases) {
        return new Context(null, List.of(), phrases, DEFAULT_WINDOW, null);
    }

    public Context withWindow(int words) {
        return new Context(name, needs, unless, words, otherwise);
    }

    public Context withOtherwise(Severity severity) {
        return new Context(name, needs, unless, window, severity);
    }

    /** The {@code otherwise} value as written in a rule file: {@code shadow} or a severity. */
    public String otherwiseWire() {
        return otherwise == null ? "shadow" : otherwise.wire();
    }
}
