package io.livemod.rules.regex;

/** A pattern refused at load time, with a reason a curator can act on. */
public final class UnsafePatternException extends Exception {
    public UnsafePatternException(String reason) {
        super(reason);
    }
}
