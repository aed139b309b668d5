package io.livemod.claims;

/**
 * A text found to repeat a registered false claim. {@code score} in [0, 1] is the verification
 * score (see {@link ClaimIndex}); {@code coverage} the share of the claim's meaning words present.
 */
public record ClaimMatch(String claimId, double score, double coverage) {}
