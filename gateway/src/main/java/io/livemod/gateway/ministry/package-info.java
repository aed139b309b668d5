/**
 * The ministry's end of the data path: alerts, takedowns and summary reports, projected from their
 * topics into memory or Redis; officers' actions and takedown requests written back to Kafka.
 */
package io.livemod.gateway.ministry;
