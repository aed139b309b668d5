package io.livemod.rules.text;

/**
 * A text after {@link Normalizer}: the folded view (for pattern rules) and the word stream (for
 * keyword rules), each char mapped back to its original UTF-16 span. The stream has two channels of
 * equal length: {@code marked} keeps tone marks and đ, {@code stripped} drops them. Boundaries:
 * {@link #HARD} before a word, {@link #SOFT} where a separator was removed inside one, {@link #NONE}.
 * Per-evaluation value; the arrays are exposed read-only to the matcher for speed, never mutated.
 */
public final class NormalizedText {
    public static final byte NONE = Buf.NONE, SOFT = Buf.SOFT, HARD = Buf.HARD;

    private final char[] text;
    private final int textLength;
    private String original; // made from text on first use: most comments never need it
    private final Buf folded;
    private final Buf stream;
    private final char[] stripped;

    /**
     * {@code text[0..textLength)} is the original text, {@code original} the same as a String or
     * null; {@code stripped} is scratch of at least {@code stream.n} chars, filled here.
     */
    NormalizedText(String original, char[] text, int textLength, Buf folded, Buf stream, char[] stripped) {
        this.original = original;
        this.text = text;
        this.textLength = textLength;
        this.folded = folded;
        this.stream = stream;
        this.stripped = stripped;
        for (int i = 0; i < stream.n; i++) stripped[i] = CharFold.strip(stream.ch[i]);
    }

    public String original() {
        if (original == null) original = new String(text, 0, textLength);
        return original;
    }

    /** Char {@code i} of the original text. */
    public char originalChar(int i) {
        return text[i];
    }

    public int length() {
        return stream.n;
    }

    public char marked(int i) {
        return stream.ch[i];
    }

    public char stripped(int i) {
        return stripped[i];
    }

    /** Whether the char at {@code i} carries a tone mark or letter diacritic (đ, ă, ô ...). */
    public boolean isMarked(int i) {
        return stripped[i] != stream.ch[i];
    }

    /** The stripped channel; read-only, length {@link #length()} (the array may be longer). */
    public char[] strippedChars() {
        return stripped;
    }

    /** Boundaries before each position (see {@link #boundary}); read-only, index 0 is not meaningful. */
    public byte[] boundaries() {
        return stream.bnd;
    }

    /** Original UTF-16 span [start, end) of normalized char {@code i}. */
    public int start(int i) {
        return stream.st[i];
    }

    public int end(int i) {
        return stream.en[i];
    }

    public int steps(int i) {
        return stream.bits[i];
    }

    /** Boundary before position {@code i}, for 0 &lt;= i &lt;= length (both ends are {@link #HARD}). */
    public byte boundary(int i) {
        return i == 0 || i >= stream.n ? HARD : stream.bnd[i];
    }

    /** The folded view: NFKC, lower case, look-alikes, no invisible chars; spaces and punctuation kept. */
    public String folded() {
        return new String(folded.ch, 0, folded.n);
    }

    /** The folded view's chars; read-only, length {@link #foldedLength()} (the array may be longer). */
    public char[] foldedChars() {
        return folded.ch;
    }

    public int foldedLength() {
        return folded.n;
    }

    public int foldedStart(int i) {
        return folded.st[i];
    }

    public int foldedEnd(int i) {
        return folded.en[i];
    }

    public int foldedSteps(int i) {
        return folded.bits[i];
    }

    /** The marked channel with a space between words, as shown by {@code rules test --explain}. */
    public String display() {
        return join(stream.ch);
    }

    /**
     * The stripped channel with a space between words: the same message typed with or without tone
     * marks, spaced, cased, leeted, stretched or abbreviated differently gives the same string. A text
     * with no letters or digits (emoji only) falls back to its folded view with runs collapsed, so
     * different emoji floods stay different.
     */
    public String canonical() {
        if (stream.n > 0) return join(stripped);
        StringBuilder b = new StringBuilder(folded.n);
        for (int i = 0; i < folded.n; i++) {
            char c = folded.ch[i];
            boolean space = CharFold.cls(c) == CharFold.SPACE;
            if (space) c = ' ';
            if (b.length() == 0 ? space : b.charAt(b.length() - 1) == c) continue;
            b.append(c);
        }
        int len = b.length();
        if (len > 0 && b.charAt(len - 1) == ' ') b.setLength(len - 1);
        return b.toString();
    }

    private String join(char[] chars) {
        StringBuilder b = new StringBuilder(stream.n + 16);
        for (int i = 0; i < stream.n; i++) {
            if (i > 0 && stream.bnd[i] == HARD) b.append(' ');
            b.append(chars[i]);
        }
        return b.toString();
    }
}
