/**
 * The gateway's Kafka edge, both ways. Writes: {@link io.livemod.gateway.kafka.KafkaWriter}, the one
 * producer every feature writes through (acks=all, idempotent; a future completes only once Kafka
 * acknowledged, so a 2xx means durably in Kafka). Reads: {@link io.livemod.gateway.kafka.TopicFeeds},
 * one read_committed follower per topic fanning records out to every projection that subscribed,
 * which is what {@code /health/ready} waits for.
 */
package io.livemod.gateway.kafka;
