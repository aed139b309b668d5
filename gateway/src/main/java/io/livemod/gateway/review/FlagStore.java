package io.livemod.gateway.review;

import io.livemod.event.Decision;
import io.livemod.event.Flag;
import io.livemod.gateway.http.Paging;
import java.time.Duration;
import java.util.Optional;

/**
 * The moderators' queue: a projection of the flags and decisions topics, plus claims. Every read
 * names the platform: a store never answers across tenants, so isolation does not depend on each
 * route remembering to filter. Claims are short-lived locks kept here (memory or Redis), not in
 * Kafka: the decision is the fact worth keeping, the claim only stops two moderators working on
 * one flag, and it must be a compare-and-set, which Kafka cannot do.
 */
public interface FlagStore {
    /** From the flags topic; idempotent. */
    void put(Flag flag);

    /** From the decisions topic (or the deciding gateway once Kafka acknowledged it); idempotent. */
    void putDecision(Decision decision);

    Optional<FlagView> get(String platform, String flagId);

    /**
     * One page, most severe then newest first, and the cursor of the next page (null at the end).
     * A page may hold fewer than {@code limit} items with a non-null cursor when a selective filter
     * made the scan stop early: clients follow {@code next} until it is null.
     */
    Paging.Page<FlagView> list(String platform, FlagQuery query);

    /** Takes or renews the claim on an existing flag of {@code platform} for {@code moderator}. Atomic. */
    ClaimResult claim(String flagId, String moderator, Duration ttl);

    /**
     * Atomically checks that the flag is undecided and not claimed by someone else, and marks it
     * "deciding" for {@code moderator} for {@code lockTtl} (longer than a Kafka write may take), so
     * one decision at most is written per flag. Claims a free flag on the way (claim and decide).
     */
    ClaimResult beginDecision(String flagId, String moderator, Duration lockTtl);

    /**
     * Gives up {@code moderator}'s plain claim. True when the flag is now unclaimed (released, or no
     * live claim); false when someone else holds it or a decision is being written.
     */
    boolean release(String flagId, String moderator);

    /** After the decision write: drops the claim when it succeeded, else gives the plain claim back. */
    void endDecision(String flagId, String moderator, boolean written, Duration claimTtl);

    long size();

    /**
     * Drops up to {@code max} flags detected before {@code cutoff} (epoch ms), oldest first, with their
     * decisions and claims: the queue's horizon. Returns how many went; call again while it returns {@code max}.
     */
    int forgetBefore(long cutoff, int max);

    record ClaimResult(Outcome outcome, FlagView.Claim claim) {
        public enum Outcome {
            CLAIMED,
            HELD_BY_OTHER,
            DECIDING,
            DECIDED
        }

        public boolean won() {
            return outcome == Outcome.CLAIMED;
        }
    }
}
