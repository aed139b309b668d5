package io.livemod.gateway.review;

import io.livemod.event.Flag;
import io.livemod.rules.Severity;

/** Filters of GET /v1/flags; nulls match everything. {@code cursor} is opaque to clients. */
public record FlagQuery(
        Flag.Status status, String streamId, String category, Severity severity, int limit, String cursor) {
    public static FlagQuery all(int limit) {
        return new FlagQuery(null, null, null, null, limit, null);
    }

    public FlagQuery after(String nextCursor) {
        return new FlagQuery(status, streamId, category, severity, limit, nextCursor);
    }

    boolean matches(FlagView v) {
        return (status == null || status == v.status())
                && (streamId == null || streamId.equals(v.flag().streamId()))
                && (category == null || category.equals(v.flag().category()))
                && (severity == null || severity == v.flag().severity());
    }
}
