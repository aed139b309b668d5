package io.livemod.event;

/** A record that could not be processed, with where it came from and why; value is base64 when not UTF-8. */
public record DeadLetter(
        String sourceTopic,
        int partition,
        long offset,
        String key,
        String value,
        String stage,
        String error,
        long at) {}
