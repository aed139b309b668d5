package io.livemod.server;

import io.livemod.settings.Catalogue;
import io.livemod.settings.ProcessSettings;
import io.livemod.settings.Role;
import io.livemod.settings.Source;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --config FILE}, shared by the role commands: a settings file of {@code LIVEMOD_X=value}
 * lines under the environment (a variable set in the environment wins). Loading it checks every
 * setting the roles read, so a bad value stops the process before anything reaches Kafka.
 */
public final class SettingsOption {
    @Option(
            names = "--config",
            paramLabel = "FILE",
            description =
                    "Settings file of LIVEMOD_X=value lines (docs/operations.md, \"Configuration\"); the environment wins over it. Default: LIVEMOD_CONFIG_FILE, else none")
    Path file;

    /** This process's settings, checked for {@code roles} and then in use; a refusal is the one-line start-up reason. */
    public Source load(Role... roles) {
        try {
            Source s = Source.of(System::getenv, file);
            for (Role r : roles) Catalogue.check(s, r);
            ProcessSettings.use(s);
            return s;
        } catch (IllegalArgumentException e) {
            throw new StartupException(e.getMessage());
        }
    }
}
