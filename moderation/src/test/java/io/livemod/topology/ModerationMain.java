package io.livemod.topology;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * The moderation application alone in a child JVM, so a test can kill it for real (SIGKILL, no
 * shutdown hook, no clean close). Args: bootstrap, state dir, application id, marker file written
 * once Streams is RUNNING.
 */
public final class ModerationMain {
    private ModerationMain() {}

    public static void main(String[] args) throws Exception {
        ModerationConfig config = ModerationConfig.defaults(args[0], Path.of(args[1]))
                .withApplicationId(args[2])
                .withThreads(2)
                .withSessionTimeout(Duration.ofSeconds(6))
                .withEnv(System::getenv)
                .validate();
        Path marker = Path.of(args[3]);
        ModerationApp app = new ModerationApp(config, Clock.systemUTC());
        app.streams().setStateListener((now, before) -> {
            if (now == org.apache.kafka.streams.KafkaStreams.State.RUNNING) {
                try {
                    Files.writeString(marker, "running");
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        });
        app.start(Duration.ofSeconds(30));
        new CountDownLatch(1).await(); // until killed
    }
}
