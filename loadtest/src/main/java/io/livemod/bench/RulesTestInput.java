package io.livemod.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes a file of plain-text comments, one per line, for timing {@code livemod rules test} against
 * {@code grep} on the same bytes (BENCHMARKS.md). Lines are {@link CommentGenerator} comments, one or
 * two to a line (about 64 UTF-8 bytes a line, 1.56 million lines in 100 MB), from a seed:
 * <pre>
 * java -cp loadtest/target/benchmarks.jar io.livemod.bench.RulesTestInput target/comments-100mb.txt 100
 * </pre>
 * Generated under target/ and never committed.
 */
public final class RulesTestInput {
    private RulesTestInput() {}

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: RulesTestInput FILE MEGABYTES [SEED]");
            System.exit(2);
        }
        Path file = Path.of(args[0]);
        long limit = Long.parseLong(args[1]) * 1_000_000L;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 17;
        if (file.getParent() != null) Files.createDirectories(file.getParent());
        List<String> pool = CommentGenerator.generate(200_000, seed);
        SplittableRandom r = new SplittableRandom(seed);
        long bytes = 0, lines = 0;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            while (bytes < limit) {
                String line = pool.get(r.nextInt(pool.size()));
                if (r.nextBoolean()) line = line + " " + pool.get(r.nextInt(pool.size()));
                byte[] b = (line + "\n").getBytes(StandardCharsets.UTF_8);
                out.write(b);
                bytes += b.length;
                lines++;
            }
        }
        System.out.printf("%s: %,d lines, %,d bytes (%.1f bytes a line)%n", file, lines, bytes, (double) bytes / lines);
    }
}
