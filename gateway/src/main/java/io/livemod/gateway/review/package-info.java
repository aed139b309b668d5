/**
 * The moderators' end of the data path: the flags queue projected from the flags and decisions
 * topics, claims, and decisions written back to Kafka before they are answered.
 */
package io.livemod.gateway.review;
