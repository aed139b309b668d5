package io.livemod.rules.regex;

/**
 * Recursive-descent reader of java.util.regex syntax that only computes what {@link RegexSafety}
 * needs per sub-expression. It runs after {@code Pattern.compile} accepted the pattern, so it can be
 * lenient about syntax and strict about structure.
 */
final class RegexParser {
    /**
     * first: chars a match can start with; nullable: can match empty; varQuant: contains a repeat
     * whose count varies; unbounded: contains *, + or {n,}; overlapAlt: contains alternatives that can
     * start alike; ambiguity: rough count of ways to match one string.
     */
    record Info(
            CharSet first,
            boolean nullable,
            boolean varQuant,
            boolean unbounded,
            boolean overlapAlt,
            double ambiguity,
            Need need) {
        static final Info EMPTY = new Info(CharSet.NONE, true, false, false, false, 1, Need.EMPTY);

        static Info atom(CharSet s) {
            return new Info(s, false, false, false, false, 1, Need.chars(s));
        }

        static Info literal(String s) {
            return new Info(CharSet.of(s.charAt(0)), false, false, false, false, 1, Need.literal(s));
        }

        Info with(Need n) {
            return new Info(first, nullable, varQuant, unbounded, overlapAlt, ambiguity, n);
        }
    }

    private final String p;
    private int i;
    private boolean flagsSeen;

    RegexParser(String pattern) {
        this.p = pattern;
    }

    Info parse() throws UnsafePatternException {
        Info r = alternation();
        if (i < p.length()) throw new UnsafePatternException("unbalanced ')' at index " + i);
        return r;
    }

    private Info alternation() throws UnsafePatternException {
        Info acc = sequence();
        boolean overlap = acc.overlapAlt();
        while (i < p.length() && p.charAt(i) == '|') {
            i++;
            Info b = sequence();
            overlap |= b.overlapAlt() || acc.first().intersects(b.first()) || (acc.nullable() && b.nullable());
            Need either =
                    acc.nullable() || b.nullable() ? Need.NONE : acc.need().or(b.need());
            acc = new Info(
                    acc.first().union(b.first()),
                    acc.nullable() || b.nullable(),
                    acc.varQuant() || b.varQuant(),
                    acc.unbounded() || b.unbounded(),
                    overlap,
                    acc.ambiguity() + b.ambiguity(),
                    either);
        }
        return acc;
    }

    private Info sequence() throws UnsafePatternException {
        Info acc = Info.EMPTY;
        Need.Builder need = new Need.Builder();
        while (i < p.length() && p.charAt(i) != '|' && p.charAt(i) != ')') {
            Info x = quantified();
            need.then(x.need());
            CharSet first = acc.nullable() ? acc.first().union(x.first()) : acc.first();
            acc = new Info(
                    first,
                    acc.nullable() && x.nullable(),
                    acc.varQuant() || x.varQuant(),
                    acc.unbounded() || x.unbounded(),
                    acc.overlapAlt() || x.overlapAlt(),
                    acc.ambiguity() * x.ambiguity(),
                    Need.NONE);
        }
        return acc.with(need.build());
    }

    private Info quantified() throws UnsafePatternException {
        int at = i;
        Info x = atom();
        if (i >= p.length()) return x;
        int min, max; // max -1 = unbounded
        char c = p.charAt(i);
        if (c == '*') {
            min = 0;
            max = -1;
            i++;
        } else if (c == '+') {
            min = 1;
            max = -1;
            i++;
        } else if (c == '?') {
            min = 0;
            max = 1;
            i++;
        } else if (c == '{' && i + 1 < p.length() && Character.isDigit(p.charAt(i + 1))) {
            int close = p.indexOf('}', i);
            String[] parts = p.substring(i + 1, close).split(",", -1);
            min = Integer.parseInt(parts[0].trim());
            max = parts.length == 1 ? min : parts[1].isBlank() ? -1 : Integer.parseInt(parts[1].trim());
            i = close + 1;
        } else {
            return x;
        }
        if (i < p.length() && (p.charAt(i) == '?' || p.charAt(i) == '+')) i++; // lazy / possessive
        if (max > RegexSafety.MAX_BOUND || min > RegexSafety.MAX_BOUND) {
            throw new UnsafePatternException("repeat bound over " + RegexSafety.MAX_BOUND + " at index " + at);
        }
        String what = p.substring(at, i);
        boolean repeats = max == -1 || max > 1;
        if (repeats && x.varQuant() && (max == -1 || x.unbounded())) {
            throw new UnsafePatternException("nested quantifiers in '" + what + "': a repeat inside a repeat"
                    + " can backtrack exponentially; make the inner part fixed-length or bound both");
        }
        if (max == -1 && x.overlapAlt()) {
            throw new UnsafePatternException("unbounded repetition of overlapping alternatives in '" + what
                    + "': the branches can start with the same char");
        }
        if (max == -1 && x.nullable()) {
            throw new UnsafePatternException(
                    "unbounded repetition of something that can match empty in '" + what + "'");
        }
        // A repeated single-width atom adds no ambiguity of its own ([a-z]{4,32} reads a given input
        // one way); a repeated group multiplies its inner choices, and more so when it varies itself.
        double amb = max == -1 ? x.ambiguity() : Math.pow(x.ambiguity(), max) * (x.varQuant() ? max - min + 1 : 1);
        return new Info(
                x.first(),
                x.nullable() || min == 0,
                x.varQuant() || min != max,
                x.unbounded() || max == -1,
                x.overlapAlt(),
                amb,
                x.need().repeated(min, max));
    }

    private Info atom() throws UnsafePatternException {
        char c = p.charAt(i);
        switch (c) {
            case '(':
                return group();
            case '[':
                return Info.atom(charClass());
            case '\\':
                return escape();
            case '.':
                i++;
                return Info.atom(CharSet.ANY);
            case '^':
            case '$':
                i++;
                return Info.EMPTY;
            default:
                i++;
                return Info.literal(String.valueOf(c));
        }
    }

    /** Whether the pattern sets flags inline ((?i), (?x:...)), which change what its literals match. */
    boolean flagsSeen() {
        return flagsSeen;
    }

    private Info group() throws UnsafePatternException {
        int at = i++;
        if (p.startsWith("?=", i) || p.startsWith("?!", i) || p.startsWith("?<=", i) || p.startsWith("?<!", i)) {
            throw new UnsafePatternException("lookaround at index " + at + " is not allowed");
        }
        if (p.startsWith("?:", i) || p.startsWith("?>", i)) {
            i += 2;
        } else if (p.startsWith("?<", i)) {
            i = p.indexOf('>', i) + 1;
        } else if (p.startsWith("?", i)) { // inline flags (?i) or (?i:...)
            flagsSeen = true;
            int j = i + 1;
            while (j < p.length() && (Character.isLetter(p.charAt(j)) || p.charAt(j) == '-')) j++;
            if (j < p.length() && p.charAt(j) == ')') {
                i = j + 1;
                return Info.EMPTY;
            }
            i = j + 1;
        }
        Info inner = alternation();
        i++; // ')'
        return inner;
    }

    private CharSet charClass() {
        i++; // '['
        boolean negate = i < p.length() && p.charAt(i) == '^';
        if (negate) i++;
        CharSet s = CharSet.NONE;
        boolean first = true;
        while (i < p.length() && (p.charAt(i) != ']' || first)) {
            first = false;
            char c = p.charAt(i);
            if (c == '[') {
                s = s.union(charClass());
                continue;
            }
            if (c == '&' && p.startsWith("&&", i)) { // intersection: over-approximate as union
                i += 2;
                continue;
            }
            int lo;
            if (c == '\\') {
                CharSet e = classEscape();
                if (e != null) {
                    s = s.union(e);
                    continue;
                }
                lo = p.charAt(i - 1);
            } else {
                lo = c;
                i++;
            }
            if (i + 1 < p.length() && p.charAt(i) == '-' && p.charAt(i + 1) != ']') {
                i++;
                int hi = p.charAt(i) == '\\' ? p.charAt(i + 1) : p.charAt(i);
                i += p.charAt(i) == '\\' ? 2 : 1;
                s = s.union(CharSet.range(lo, hi));
            } else {
                s = s.union(CharSet.of(lo));
            }
        }
        i++; // ']'
        return negate ? s.complement() : s;
    }

    /** Inside a class: a shorthand class, or null after consuming an escaped literal (left at i - 1). */
    private CharSet classEscape() {
        char e = p.charAt(i + 1);
        i += 2;
        switch (e) {
            case 'd':
                return CharSet.range('0', '9');
            case 's':
                return CharSet.of(' ').union(CharSet.range('\t', '\r'));
            case 'w':
                return CharSet.range('a', 'z')
                        .union(CharSet.range('A', 'Z'))
                        .union(CharSet.range('0', '9'))
                        .union(CharSet.of('_'));
            case 'D':
            case 'S':
            case 'W':
            case 'p':
            case 'P':
                skipBraces();
                return CharSet.ANY;
            default:
                return null;
        }
    }

    private Info escape() throws UnsafePatternException {
        char e = i + 1 < p.length() ? p.charAt(i + 1) : '\\';
        if ((Character.isDigit(e) && e != '0') || e == 'k') {
            throw new UnsafePatternException("backreference at index " + i + " is not allowed");
        }
        if (e == 'Q') {
            int end = p.indexOf("\\E", i);
            String quoted = end < 0 ? p.substring(i + 2) : p.substring(i + 2, end);
            i = end < 0 ? p.length() : end + 2;
            return quoted.isEmpty() ? Info.EMPTY : Info.literal(quoted);
        }
        if ("bBAGzZ".indexOf(e) >= 0) {
            i += 2;
            return Info.EMPTY;
        }
        CharSet s = classEscape();
        if (s != null) return Info.atom(s);
        if (e == 'x' || e == 'u' || e == '0' || e == 'c') { // \x41, \x{..}, \\u0041, \0101, \cX: any literal
            if (i < p.length() && p.charAt(i) == '{') {
                skipBraces();
            } else {
                int digits = e == 'x' ? 2 : e == 'u' ? 4 : e == '0' ? 3 : 1;
                while (digits-- > 0 && i < p.length() && Character.isLetterOrDigit(p.charAt(i))) i++;
            }
            return Info.atom(CharSet.ANY);
        }
        int control = "tnrfae".indexOf(e); // classEscape consumed the escape
        if (control >= 0) return Info.literal(String.valueOf("\t\n\r\f\u0007\u001b".charAt(control)));
        if (Character.isLetterOrDigit(e)) return Info.atom(CharSet.ANY); // \h, \v, \R...: not a literal
        return Info.literal(String.valueOf(e));
    }

    private void skipBraces() {
        if (i < p.length() && p.charAt(i) == '{') i = p.indexOf('}', i) + 1;
    }
}
