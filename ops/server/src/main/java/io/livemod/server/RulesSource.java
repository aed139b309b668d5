package io.livemod.server;

import io.livemod.event.RuleSetRecord;
import io.livemod.rules.RuleSet;
import io.livemod.rules.RuleSetException;
import io.livemod.rules.RuleSetLoader;
import io.livemod.topology.RulesPublisher;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/**
 * Where a role's rules come from at start: the file given with --rules, else what the rules topic
 * already holds, else the default pack. A file or default that differs from the active version
 * is published, so every instance and every flag agree on one version.
 */
public final class RulesSource {
    private RulesSource() {}

    public static void publishAtStart(String bootstrap, Path file, Clock clock) {
        try {
            Optional<RuleSetRecord> active = RulesPublisher.active(bootstrap);
            String source;
            String name;
            if (file != null) {
                source = read(file);
                name = file.toString();
            } else if (active.isPresent()) {
                return;
            } else {
                try (InputStream in = RuleSetLoader.class.getResourceAsStream("/rules/default-rules.yaml")) {
                    source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
                name = "default-rules.yaml";
            }
            RuleSet parsed = RuleSetLoader.parse(name, source);
            if (active.isPresent()
                    && active.get().version().equals(parsed.version())
                    && active.get().source().equals(source)) return;
            RulesPublisher.publish(
                    bootstrap, new RuleSetRecord(parsed.version(), source, clock.millis(), "livemod-cli"));
        } catch (RuleSetException e) {
            throw new StartupException("--rules: " + e.getMessage());
        } catch (IOException e) {
            throw new StartupException("--rules: cannot read " + file + ": " + e.getMessage());
        } catch (Exception e) {
            throw new StartupException("cannot publish rules to Kafka at " + bootstrap + ": " + e.getMessage());
        }
    }

    /** Parses a rule-set file before anything starts, so a bad one stops the role with its reason. */
    public static void check(Path file) {
        try {
            RuleSetLoader.load(file);
        } catch (RuleSetException e) {
            throw new StartupException("--rules: " + e.getMessage());
        }
    }

    static String read(Path file) throws IOException {
        if (!Files.isReadable(file)) throw new IOException("not a readable file");
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
