package io.livemod.settings;

import static io.livemod.settings.Role.GATEWAY;
import static io.livemod.settings.Role.LAUNCHER;
import static io.livemod.settings.Role.MODERATION;
import static io.livemod.settings.Role.TOOLS;

import java.util.List;

/** What every process reads before any other setting: the environment only, never the config file. */
public final class ProcessCatalogue {
    private ProcessCatalogue() {}

    public static final Setting<String> CONFIG_FILE = Setting.text("configFile", "LIVEMOD_CONFIG_FILE", null)
            .envOnly()
            .doc("a settings file of `KEY=value` lines (`--config FILE` wins); the environment wins over the file")
            .roles(GATEWAY, MODERATION, TOOLS);
    public static final Setting<String> LOG_LEVEL = Setting.text("logLevel", "LIVEMOD_LOG_LEVEL", "INFO")
            .envOnly()
            .doc("log level of Livemod's own loggers (read by log4j)")
            .roles(GATEWAY, MODERATION);
    public static final Setting<String> DEBUG = Setting.text("debug", "LIVEMOD_DEBUG", null)
            .envOnly()
            .doc("set (e.g. `1`): start-up errors print their stack trace")
            .roles(GATEWAY, MODERATION, TOOLS);
    public static final Setting<String> JAVA_OPTS = Setting.text("javaOpts", "LIVEMOD_JAVA_OPTS", null)
            .envOnly()
            .doc(
                    "JVM options of `./livemod` (G1: the stack keeps its projections in memory, and ParallelGC's full collections "
                            + "of a growing heap were 0.5–0.7 s pauses, the whole p99 of a load test)")
            .defaultDoc(
                    "`-Xmx2g -XX:+UseG1GC -XX:MaxGCPauseMillis=50`; for `loadtest`, `-Xmx1g -XX:+UseG1GC -XX:TieredStopAtLevel=1` (see Load test)")
            .roles(LAUNCHER);

    static final List<Setting<?>> ALL = List.of(CONFIG_FILE, LOG_LEVEL, DEBUG, JAVA_OPTS);
}
