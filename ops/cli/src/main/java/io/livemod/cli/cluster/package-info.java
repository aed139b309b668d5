/**
 * {@code livemod cluster}: the data path as separate processes on one machine (brokers, gateways,
 * moderation instances, redis-server), for fault and scaling tests.
 */
package io.livemod.cli.cluster;
