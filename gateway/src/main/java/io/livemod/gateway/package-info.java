/**
 * The gateway process: {@link io.livemod.gateway.Gateway} wires the features once (one Kafka writer,
 * one topic feed, Redis when configured) and mounts {@link io.livemod.gateway.Routes}, the one route
 * table. Requests enter here and leave as Kafka writes or reads of the projections.
 */
package io.livemod.gateway;
