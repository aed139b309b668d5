package io.livemod.rules;

/** Where a text was seen; rules scoped to platforms or streams only apply there. Nulls mean "unknown". */
public record Scope(String platform, String streamId) {
    public static final Scope ANY = new Scope(null, null);
}
