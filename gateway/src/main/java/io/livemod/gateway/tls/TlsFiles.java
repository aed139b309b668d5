package io.livemod.gateway.tls;

import static io.livemod.settings.HttpCatalogue.REDIS_CA;
import static io.livemod.settings.HttpCatalogue.TLS_CERT;
import static io.livemod.settings.HttpCatalogue.TLS_KEY;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * The gateway's TLS material, as PEM files an operator mounts (a certificate manager renews them;
 * the gateway reads them at start).
 *
 * @param certPath  LIVEMOD_TLS_CERT: the HTTPS certificate chain, leaf first; null serves plain HTTP
 * @param keyPath   LIVEMOD_TLS_KEY: its private key (PKCS#8 or PKCS#1, unencrypted)
 * @param redisCa   LIVEMOD_REDIS_CA: the CA that signed Redis's certificate, for rediss:// (null: the JVM's trust store)
 */
public record TlsFiles(String certPath, String keyPath, String redisCa) {
    public static final TlsFiles NONE = new TlsFiles(null, null, null);

    public TlsFiles withEnv(Function<String, String> env) {
        return new TlsFiles(TLS_CERT.read(env, certPath), TLS_KEY.read(env, keyPath), REDIS_CA.read(env, redisCa));
    }

    public boolean https() {
        return certPath != null;
    }

    public TlsFiles validate() {
        if ((certPath == null) != (keyPath == null)) {
            throw new IllegalArgumentException(
                    "LIVEMOD_TLS_CERT and LIVEMOD_TLS_KEY: set both (HTTPS) or neither (HTTP)");
        }
        readable(TLS_CERT.env(), certPath);
        readable(TLS_KEY.env(), keyPath);
        readable(REDIS_CA.env(), redisCa);
        return this;
    }

    private static void readable(String variable, String file) {
        if (file != null && !Files.isReadable(Path.of(file)))
            throw new IllegalArgumentException(variable + ": cannot read " + file);
    }
}
