/**
 * Where the ministry and admin projections keep what they fold from Kafka: in memory on a single
 * gateway, in Redis when several share one.
 */
package io.livemod.gateway.ministry.store;
