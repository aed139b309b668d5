package io.livemod.gateway.review;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.livemod.event.Decision;
import io.livemod.event.Flag;
import io.livemod.event.Json;

/**
 * A flag as moderators see it: the flag from the flags topic, its live claim (null when none or
 * expired) and its decision from the decisions topic (null when open). The status is derived:
 * decided wins over claimed, claimed over open.
 */
public record FlagView(Flag flag, Claim claim, Decision decision) {

    /** Who holds a flag and until when; {@code deciding} while their decision is being written to Kafka. */
    public record Claim(String flagId, String moderator, long expiresAt, boolean deciding) {}

    public Flag.Status status() {
        return decision != null ? Flag.Status.DECIDED : claim != null ? Flag.Status.CLAIMED : Flag.Status.OPEN;
    }

    public String platform() {
        return flag.platform();
    }

    /** The contract's flag object, plus {@code claim} and {@code decision} when present. */
    public ObjectNode toJson() {
        ObjectNode o = Json.MAPPER.valueToTree(flag.withStatus(status()));
        if (claim != null && decision == null) {
            o.putObject("claim").put("moderator", claim.moderator()).put("expiresAt", claim.expiresAt());
        }
        if (decision != null) {
            ObjectNode d = o.putObject("decision")
                    .put("decisionId", decision.decisionId())
                    .put("action", decision.action().wire())
                    .put("moderator", decision.moderator())
                    .put("decidedAt", decision.decidedAt());
            if (decision.note() != null) d.put("note", decision.note());
            if (decision.durationSeconds() != null) d.put("durationSeconds", decision.durationSeconds());
        }
        return o;
    }

    public String json() {
        return toJson().toString();
    }
}
