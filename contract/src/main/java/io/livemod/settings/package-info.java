/**
 * The settings catalogue: every setting of every Livemod process declared once (name, variable,
 * type, default, bounds, documentation line, roles), read from the environment over a config file and
 * checked at start. It sits before the data path: the typed records each part uses
 * ({@code GatewayConfig}, {@code ModerationConfig}, {@code TopologySettings}, the gateway's review,
 * webhook, ministry and ingest settings) are built from it, and the settings tables of docs/operations.md are
 * generated from it ({@link io.livemod.settings.SettingsTables}).
 *
 * <p>Lives in the contract module: the event contract's Kafka clients read it, and every process
 * (gateway, moderation app, CLI, server) depends on the contract.
 */
package io.livemod.settings;
