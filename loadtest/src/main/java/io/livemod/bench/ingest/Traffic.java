package io.livemod.bench.ingest;

import io.livemod.gateway.platform.Platforms;
import io.livemod.signing.RequestSignature;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Benchmark traffic: batches of distinct, realistic Vietnamese comments (about 180 bytes each) and
 * the platform signature of the contract. Ids never repeat within a run, so nothing is a duplicate.
 */
final class Traffic {
    static final String PLATFORM = Platforms.DEMO_GAPO;
    static final String SECRET = Platforms.DEMO_SECRETS.get(PLATFORM);
    private static final String[] TEXTS = {
        "Mọi người vào xem live bán hàng nhé, giá rẻ lắm",
        "Shop ơi còn size M không ạ? Em muốn lấy 2 cái",
        "Chúc mừng năm mới cả nhà, live hôm nay vui quá",
        "Xin link mua hàng với ạ, ship về Đà Nẵng bao lâu"
    };
    private final String run = Long.toString(System.nanoTime(), 36);
    private final AtomicLong seq = new AtomicLong();

    /** A JSON array of {@code n} comments; {@code kind} adds the WebSocket frame's kind field. */
    String batch(int n, boolean kind) {
        StringBuilder b = new StringBuilder(n * 200).append('[');
        for (int i = 0; i < n; i++) {
            long s = seq.incrementAndGet();
            if (i > 0) b.append(',');
            b.append('{');
            if (kind) b.append("\"kind\":\"comment\",");
            b.append("\"id\":\"")
                    .append(run)
                    .append('-')
                    .append(s)
                    .append("\",\"streamId\":\"live-")
                    .append(s % 20)
                    .append("\",\"userId\":\"u")
                    .append(s % 5000)
                    .append("\",\"userName\":\"Người xem ")
                    .append(s % 5000)
                    .append("\",\"text\":\"")
                    .append(TEXTS[(int) (s % TEXTS.length)])
                    .append(' ')
                    .append(s)
                    .append("\",\"ts\":\"2026-11-28T20:00:00+07:00\"}");
        }
        return b.append(']').toString();
    }

    static String sign(long timestamp, String method, String path, byte[] body) {
        return RequestSignature.v2(SECRET, timestamp, method, path, body);
    }
}
