package io.livemod.gateway.tls;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
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
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.SslOptions;
import redis.clients.jedis.SslVerifyMode;

/**
 * The gateway's Redis client: {@code redis://} in the clear (one host, a private network), or
 * {@code rediss://} over TLS, the server's certificate checked against LIVEMOD_REDIS_CA (or the JVM's
 * trust store) and its name verified. A user and password in the URI ({@code rediss://user:pw@host:port})
 * are sent with AUTH.
 */
public final class RedisConnections {
    /** The in-memory trust store holds public certificates only: nothing for a password to protect. */
    private static final char[] NO_PASSWORD = new char[0];

    private RedisConnections() {}

    public static RedisClient create(String uri, String caFile) {
        URI u = URI.create(uri);
        boolean tls = "rediss".equals(u.getScheme());
        DefaultJedisClientConfig.Builder config = DefaultJedisClientConfig.builder();
        if (u.getUserInfo() != null) {
            String[] parts = u.getRawUserInfo().split(":", 2);
            if (parts.length == 2) {
                if (!parts[0].isEmpty()) config.user(URLDecoder.decode(parts[0], StandardCharsets.UTF_8));
                config.password(URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
            }
        }
        if (tls) {
            // FULL: the chain is checked against the CA (or the JVM's trust store) and the host name verified.
            config.sslOptions(
                    caFile == null
                            ? SslOptions.defaults()
                            : SslOptions.builder()
                                    .truststore(trustStore(Path.of(caFile)), NO_PASSWORD)
                                    .sslVerifyMode(SslVerifyMode.FULL)
                                    .build());
        }
        return RedisClient.builder()
                .hostAndPort(u.getHost(), u.getPort() > 0 ? u.getPort() : 6379)
                .clientConfig(config.build())
                .build();
    }

    /** A TLS context that trusts the certificates of a PEM file (a private CA). */
    public static SSLContext trusting(Path pemFile) {
        try {
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(caStore(pemFile));
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), null);
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(pemFile + ": " + e.getMessage(), e);
        }
    }

    /** The PEM file's certificates as a key store in memory, for SslOptions (which reads key stores, not PEM). */
    private static SslOptions.Resource trustStore(Path pemFile) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            caStore(pemFile).store(out, NO_PASSWORD);
            byte[] bytes = out.toByteArray();
            return () -> new ByteArrayInputStream(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(pemFile + ": " + e.getMessage(), e);
        }
    }

    private static KeyStore caStore(Path pemFile) {
        try (InputStream in = Files.newInputStream(pemFile)) {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int i = 0;
            for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in))
                store.setCertificateEntry("ca-" + i++, c);
            if (i == 0) throw new IllegalArgumentException(pemFile + ": no certificate in it");
            return store;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + pemFile, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(pemFile + ": not a PEM certificate file: " + e.getMessage(), e);
        }
    }
}
