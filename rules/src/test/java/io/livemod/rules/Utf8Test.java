package io.livemod.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link Utf8} decodes exactly what the JDK decodes, and refuses every input the JDK would repair. */
class Utf8Test {
    @Test
    void wellFormedTextDecodesAsTheJdkDecodesIt() {
        Random r = new Random(17);
        for (int i = 0; i < 5_000; i++) {
            StringBuilder b = new StringBuilder();
            for (int k = r.nextInt(30); k > 0; k--) {
                int cp =
                        switch (r.nextInt(4)) {
                            case 0 -> r.nextInt(0x80);
                            case 1 -> 0x80 + r.nextInt(0x780);
                            case 2 -> 0x800 + r.nextInt(0xD800 - 0x800);
                            default -> 0x10000 + r.nextInt(0x100000);
                        };
                b.appendCodePoint(cp);
            }
            String s = b.toString();
            byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
            char[] out = new char[bytes.length];
            int n = Utf8.decode(bytes, 0, bytes.length, out);
            assertThat(new String(out, 0, Math.max(n, 0))).isEqualTo(s);
        }
    }

    @Test
    void randomBytesDecodeLikeTheJdkOrAreLeftToIt() {
        Random r = new Random(1717);
        int refused = 0;
        for (int i = 0; i < 50_000; i++) {
            byte[] bytes = new byte[r.nextInt(8)];
            r.nextBytes(bytes);
            char[] out = new char[bytes.length];
            int n = Utf8.decode(bytes, 0, bytes.length, out);
            String jdk = new String(bytes, StandardCharsets.UTF_8);
            boolean wellFormed = java.util.Arrays.equals(jdk.getBytes(StandardCharsets.UTF_8), bytes);
            if (n >= 0) assertThat(new String(out, 0, n)).isEqualTo(jdk);
            assertThat(n >= 0)
                    .as("decoded exactly when well-formed: %s", java.util.Arrays.toString(bytes))
                    .isEqualTo(wellFormed);
            if (n < 0) refused++;
        }
        assertThat(refused).isPositive();
    }

    @Test
    void overlongSurrogateAndTruncatedSequencesAreRefused() {
        byte[][] bad = {
            {(byte) 0xC0, (byte) 0xAF},
            {(byte) 0xE0, (byte) 0x80, (byte) 0xAF},
            {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
            {(byte) 0xE1, (byte) 0xBB},
            {(byte) 0x80}
        };
        for (byte[] b : bad)
            assertThat(Utf8.decode(b, 0, b.length, new char[b.length])).isEqualTo(-1);
    }
}
