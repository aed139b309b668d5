/**
 * The production entry point (livemod-server.jar and the image): starts the gateway or the moderation
 * role against an external Kafka and Redis; a refused setting or an unreachable Kafka stops it at start
 * with the reason.
 */
package io.livemod.server;
