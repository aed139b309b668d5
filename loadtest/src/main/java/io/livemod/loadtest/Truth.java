package io.livemod.loadtest;

import io.livemod.rules.RuleKind;

/** What a generated comment really is, known to the oracle: byte codes kept per comment in the tally. */
public final class Truth {
    public static final byte BENIGN = 0, VIOLATION = 1, FLOOD = 2, SPAM = 3;
    /** Expected flag kinds as bits: the rule set's keyword and pattern rules. */
    public static final byte KEYWORD = 1, PATTERN = 2;

    private Truth() {}

    public static String name(byte truth) {
        return switch (truth) {
            case BENIGN -> "benign";
            case VIOLATION -> "violation";
            case FLOOD -> "user flood";
            case SPAM -> "spam campaign";
            default -> "unknown";
        };
    }

    static byte kindBit(RuleKind kind) {
        return switch (kind) {
            case KEYWORD -> Truth.KEYWORD;
            case PATTERN -> Truth.PATTERN;
        };
    }
}
