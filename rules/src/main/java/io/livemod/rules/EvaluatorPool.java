package io.livemod.rules;

import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * A few idle {@link Evaluator}s for {@link CompiledRuleSet#evaluate}, so callers that do not hold
 * their own still reuse scratch buffers. Lock-free: a caller takes any idle one (or makes a new one
 * when all are busy) and puts it back if there is room; an evaluator is never in two hands at once.
 * Explicit rather than a ThreadLocal, so nothing outlives the rule-set version on pooled threads.
 */
final class EvaluatorPool {
    private final CompiledRuleSet owner;
    private final AtomicReferenceArray<Evaluator> idle;

    EvaluatorPool(CompiledRuleSet owner) {
        this.owner = owner;
        this.idle =
                new AtomicReferenceArray<>(Math.max(4, 2 * Runtime.getRuntime().availableProcessors()));
    }

    Evaluator take() {
        int start = (int) (Thread.currentThread().getId() % idle.length());
        for (int k = 0; k < idle.length(); k++) {
            Evaluator e = idle.getAndSet((start + k) % idle.length(), null);
            if (e != null) return e;
        }
        return owner.evaluator();
    }

    void give(Evaluator e) {
        int start = (int) (Thread.currentThread().getId() % idle.length());
        for (int k = 0; k < idle.length(); k++) {
            if (idle.compareAndSet((start + k) % idle.length(), null, e)) return;
        }
    }
}
