/**
 * The operator's side: rule sets (published to the rules topic through the gateway's writer, read
 * back from its feed), backtests, and the audit log's projection behind {@code GET /v1/audit}.
 */
package io.livemod.gateway.admin;
