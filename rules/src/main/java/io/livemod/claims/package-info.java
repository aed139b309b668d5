/**
 * The false-claim matcher, a pure library on the rule engine's normalized text: indexes the registered
 * claims and finds comments and stream titles that repeat one. The moderation app's false-claims
 * step runs it on every screened comment and title; the gateway searches the registry in its
 * canonical form.
 */
package io.livemod.claims;
