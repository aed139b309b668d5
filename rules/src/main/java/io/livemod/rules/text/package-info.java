/**
 * Normalization, the rule engine's first step on every comment: folding, look-alikes, leet, teencode
 * and spelled letters turn the text into the form rules match on, each char mapped back to its span
 * in the original.
 */
package io.livemod.rules.text;
