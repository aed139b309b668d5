package io.livemod.gateway.tls;

import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.RedisClient;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;

/**
 * The gateway's Redis client: {@code redis://} in the clear (one host, a private network), or
 * {@code rediss://} over TLS, the server's certificate checked against LIVEMOD_REDIS_CA (or the JVM's
 * trust store) and its name verified. A user and password in the URI ({@code rediss://user:pw@host:port})
 * are sent with AUTH.
 */
public final class RedisConnections {
    private RedisConnections() {}

    public static RedisClient create(String uri, String caFile) {
        URI u = URI.create(uri);
        boolean tls = "rediss".equals(u.getScheme());
        DefaultJedisClientConfig.Builder config = DefaultJedisClientConfig.builder().ssl(tls);
        if (u.getUserInfo() != null) {
            String[] parts = u.getRawUserInfo().split(":", 2);
            if (parts.length == 2) {
                if (!parts[0].isEmpty()) config.user(URLDecoder.decode(parts[0], StandardCharsets.UTF_8));
                config.password(URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
            }
        }
        if (tls) {
            SSLParameters checkName = new SSLParameters();
            checkName.setEndpointIdentificationAlgorithm("HTTPS");
            config.sslParameters(checkName);
            if (caFile != null) config.sslSocketFactory(trusting(Path.of(caFile)).getSocketFactory());
        }
        return RedisClient.builder().hostAndPort(u.getHost(), u.getPort() > 0 ? u.getPort() : 6379).clientConfig(config.build()).build();
    }

    /** A TLS context that trusts the certificates of a PEM file (a private CA). */
    public static SSLContext trusting(Path pemFile) {
        try (InputStream in = Files.newInputStream(pemFile)) {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int i = 0;
            for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) store.setCertificateEntry("ca-" + i++, c);
            if (i == 0) throw new IllegalArgumentException(pemFile + ": no certificate in it");
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(store);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), null);
            return ctx;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + pemFile, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(pemFile + ": not a PEM certificate file: " + e.getMessage(), e);
        }
    }
}
