package io.livemod.event;

/**
 * A published rule-set version on the compacted rules topic, keyed by version. {@code source} is
 * the rule file's text, so the exact file a flag was produced with can always be read back. The
 * active version is the one published last ({@code publishedAt}); a rollback republishes an old one.
 */
public record RuleSetRecord(String version, String source, long publishedAt, String publishedBy) {}
