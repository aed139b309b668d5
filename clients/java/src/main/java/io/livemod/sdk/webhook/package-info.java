/**
 * Verifies the gateway's webhooks (Standard Webhooks), by which moderators' decisions and the
 * ministry's takedown requests leave the data path towards the platform.
 */
package io.livemod.sdk.webhook;
