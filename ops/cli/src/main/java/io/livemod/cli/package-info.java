/**
 * The {@code livemod} command (livemod.jar): starts the whole data path on one machine ({@code run})
 * or one role of it, and the tools around it (rules, backtest, tokens, load test, platform demo).
 */
package io.livemod.cli;
