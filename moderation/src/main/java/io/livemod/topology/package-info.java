/**
 * The moderation app, the middle of the data path: one Kafka Streams application
 * ({@link io.livemod.topology.ModerationApp}, built by the pure
 * {@link io.livemod.topology.ModerationTopology#build}) that reads comments, stream events and
 * decisions, applies the rule engine and the signals, and writes flags for moderators and alerts for
 * the ministry.
 */
package io.livemod.topology;
