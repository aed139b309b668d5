/**
 * The first step of the data path, shared by every way an event enters: reading a platform's JSON
 * (strictly), validating each comment or stream event with the field at fault named, and mapping it to
 * its Kafka record. The gateway's HTTP and WebSocket ingest and the moderation app's Kafka-native
 * ingest both validate here, so they accept and refuse the same events.
 */
package io.livemod.ingest;
