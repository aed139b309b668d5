package io.livemod.gateway.review;

import io.livemod.event.Flag;

import java.util.List;
import java.util.Optional;

/**
 * The gateway's projection of the flags topic. Every read names the platform: a store never
 * answers across tenants, so isolation does not depend on each route remembering to filter.
 */
public interface FlagStore {
    void put(Flag flag);

    Optional<Flag> get(String platform, String flagId);

    /** One page, most severe then newest first, and the cursor of the next page (null at the end). */
    Page list(String platform, FlagQuery query);

    long size();

    record Page(List<Flag> items, String next) {}
}
