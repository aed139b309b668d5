// Java 17, JDK only: java SignedPost.java   (env LIVEMOD_URL, LIVEMOD_PLATFORM, LIVEMOD_SECRET)
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;

public class SignedPost {
    static String sign(String secret, long ts, String method, String pathWithQuery, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update((ts + "." + method + "." + pathWithQuery + ".").getBytes(StandardCharsets.UTF_8));
        return "v2=" + HexFormat.of().formatHex(mac.doFinal(body));
    }

    public static void main(String[] args) throws Exception {
        String url = System.getenv("LIVEMOD_URL"), platform = System.getenv("LIVEMOD_PLATFORM"), secret = System.getenv("LIVEMOD_SECRET");
        String path = "/v1/ingest/comments";
        String id = "java-" + System.nanoTime(); // keep the same id when you retry: the gateway dedupes on it
        byte[] body = ("[{\"id\":\"" + id + "\",\"streamId\":\"live-1\",\"userId\":\"u-1\",\"text\":\"xin chào\",\"ts\":\""
                + Instant.now() + "\"}]").getBytes(StandardCharsets.UTF_8);
        long ts = Instant.now().getEpochSecond(); // sign every attempt afresh
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + path))
                .header("Content-Type", "application/json")
                .header("X-Livemod-Platform", platform)
                .header("X-Livemod-Timestamp", Long.toString(ts))
                .header("X-Livemod-Signature", sign(secret, ts, "POST", path, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        System.out.println(response.statusCode() + " " + response.body());
        System.exit(response.statusCode() == 202 ? 0 : 1);
    }
}
