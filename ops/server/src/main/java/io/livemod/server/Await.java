package io.livemod.server;

import java.util.concurrent.CountDownLatch;

/** Blocks the main thread until Ctrl-C (SIGINT/SIGTERM), then closes what was started, once. */
public final class Await {
    private Await() {}

    public static void untilShutdown(AutoCloseable running, Runnable onStop) {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            onStop.run();
                            try {
                                running.close();
                            } catch (Exception e) {
                                System.err.println("livemod: while stopping: " + e.getMessage());
                            }
                            stopped.countDown();
                        },
                        "livemod-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
