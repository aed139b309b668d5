/**
 * The event contract: the records every topic carries (comments, stream events, flags, alerts,
 * decisions, claims, platforms, audit...), the one topic registry ({@link io.livemod.event.Topics}), their
 * JSON serdes, and the Kafka clients every process reads and writes them with. It is the data path's
 * shape: the gateway writes these records, the moderation app turns them into flags and alerts, and
 * the gateway's projections read them back.
 */
package io.livemod.event;
