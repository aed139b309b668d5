/** After a decision or takedown is durably in Kafka: signed, retried delivery to the platform's URL, logged. */
package io.livemod.gateway.webhook;
