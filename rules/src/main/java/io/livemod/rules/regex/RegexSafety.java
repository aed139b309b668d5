package io.livemod.rules.regex;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Refuses regular expressions that could make java.util.regex backtrack catastrophically, before
 * they reach production. Parses the pattern into a small summary per sub-expression and refuses:
 * backreferences; lookaround; a repeated group that itself contains a variable repetition when
 * either is unbounded ({@code (a+)+}, {@code (\d?)*}); unbounded repetition of alternatives that can
 * start with the same char or match empty ({@code (a|ab)*}); repeat bounds over {@value #MAX_BOUND};
 * and patterns whose count of ways to match one string (bounded nesting such as
 * {@code (?:[ .]?\d){9}}) exceeds {@value #MAX_AMBIGUITY}. What is left is at worst polynomial, and
 * {@link BoundedRegex} caps the input and the work of each evaluation on top.
 */
public final class RegexSafety {
    static final int MAX_BOUND = 1000;
    static final double MAX_AMBIGUITY = 100_000;

    private RegexSafety() {}

    /** Compiles {@code regex} if it is safe, else says why not. */
    public static Pattern check(String regex) throws UnsafePatternException {
        Pattern compiled;
        try {
            compiled = Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new UnsafePatternException("invalid regex: " + e.getDescription() + " at index " + e.getIndex());
        }
        RegexParser.Info info = new RegexParser(regex).parse();
        if (info.ambiguity() > MAX_AMBIGUITY) {
            throw new UnsafePatternException("too ambiguous: about " + (long) info.ambiguity()
                    + " ways to match one input (limit " + (long) MAX_AMBIGUITY + "); tighten the repeats");
        }
        return compiled;
    }
}
