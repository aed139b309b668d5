package io.livemod.settings;

/** Who reads a setting: the settings tables' "read by" column, and the variables a role's deployment may set. */
public enum Role {
    GATEWAY("gateway"),
    MODERATION("moderation"),
    /** The command-line tools that reach Kafka (topics, kafka-ingest, backtest...). */
    TOOLS("tools"),
    /** The `./livemod` launcher script, before Java starts. */
    LAUNCHER("`./livemod`");

    private final String shown;

    Role(String shown) {
        this.shown = shown;
    }

    public String shown() {
        return shown;
    }
}
