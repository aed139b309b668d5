package io.livemod.cli;

import picocli.CommandLine.Command;

/** Placeholder until the rule-engine work lands `rules test` and `rules check`. */
@Command(name = "rules", mixinStandardHelpOptions = true, description = "Offline rule tools (test, check).")
final class RulesCommand implements Runnable {
    @Override
    public void run() {
        System.err.println("livemod: rules test/check are not built yet");
    }
}
