/**
 * Signals that weigh repetition, read by the moderation app's duplicate and flood steps: whether a
 * text is ordinary chat, a question, or carries risk when many accounts copy it.
 */
package io.livemod.rules.signal;
