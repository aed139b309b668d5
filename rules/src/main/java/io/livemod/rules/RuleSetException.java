package io.livemod.rules;

/** A rule set that cannot be used, with where and why: "rules.yaml:12: rules[3].pattern: ...". */
public final class RuleSetException extends Exception {
    private final String source;
    private final int line;
    private final String field;
    private final String reason;

    public RuleSetException(String source, int line, String field, String reason) {
        super(format(source, line, field, reason));
        this.source = source;
        this.line = line;
        this.field = field;
        this.reason = reason;
    }

    private static String format(String source, int line, String field, String reason) {
        StringBuilder b = new StringBuilder(source == null ? "<rules>" : source);
        if (line > 0) b.append(':').append(line);
        b.append(": ");
        if (field != null && !field.isEmpty()) b.append(field).append(": ");
        return b.append(reason).toString();
    }

    public String source() {
        return source;
    }

    public int line() {
        return line;
    }

    public String field() {
        return field;
    }

    public String reason() {
        return reason;
    }
}
