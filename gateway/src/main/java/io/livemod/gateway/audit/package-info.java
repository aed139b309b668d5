/**
 * Every change is written to the audit topic before it is answered; {@link io.livemod.gateway.audit.Changes}
 * bundles what a changing route needs (writer, audit, read-your-writes, clock, metrics).
 */
package io.livemod.gateway.audit;
