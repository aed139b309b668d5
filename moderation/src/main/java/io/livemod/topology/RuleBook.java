package io.livemod.topology;

import io.livemod.rules.CompiledRuleSet;
import io.livemod.rules.RuleSet;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The active compiled rule set, swapped atomically when a new version is published. Processors
 * read it per record; compiling happens once per version, off the processing threads.
 */
public final class RuleBook {
    private final AtomicReference<CompiledRuleSet> active;

    public RuleBook(CompiledRuleSet initial) {
        this.active = new AtomicReference<>(Objects.requireNonNull(initial));
    }

    public static RuleBook of(RuleSet rules) {
        return new RuleBook(CompiledRuleSet.compile(rules));
    }

    public CompiledRuleSet current() {
        return active.get();
    }

    /** @return true when the version changed */
    public boolean activate(CompiledRuleSet next) {
        CompiledRuleSet previous = active.getAndSet(next);
        return !previous.version().equals(next.version());
    }
}
