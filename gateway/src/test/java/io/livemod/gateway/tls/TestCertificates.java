package io.livemod.gateway.tls;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import javax.net.ssl.SSLContext;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Certificates made by a test, in PEM files: a throw-away CA, and a server certificate it signed for
 * {@code localhost} and {@code 127.0.0.1} (EC P-256). Nothing is read from or kept outside {@code dir}.
 *
 * @param ca        the CA certificate (what clients trust)
 * @param cert      the server certificate
 * @param key       the server's PKCS#8 private key
 * @param keystore  key and certificate chain in one file (Kafka's PEM key store)
 */
public record TestCertificates(Path ca, Path cert, Path key, Path keystore) {

    public static TestCertificates generate(Path dir) {
        try {
            Files.createDirectories(dir);
            KeyPair caKeys = ecKeys();
            X500Name caName = new X500Name("CN=Livemod test CA");
            Instant now = Instant.now();
            var caCert = new JcaX509v3CertificateBuilder(
                            caName,
                            BigInteger.ONE,
                            Date.from(now.minus(Duration.ofHours(1))),
                            Date.from(now.plus(Duration.ofDays(1))),
                            caName,
                            caKeys.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .build(signer(caKeys));
            KeyPair serverKeys = ecKeys();
            var serverCert = new JcaX509v3CertificateBuilder(
                            caName,
                            BigInteger.TWO,
                            Date.from(now.minus(Duration.ofHours(1))),
                            Date.from(now.plus(Duration.ofDays(1))),
                            new X500Name("CN=localhost"),
                            serverKeys.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                        new GeneralName(GeneralName.dNSName, "localhost"),
                        new GeneralName(GeneralName.iPAddress, "127.0.0.1")
                    }))
                    .build(signer(caKeys));
            Path ca = write(dir.resolve("ca.pem"), caCert);
            Path cert = write(dir.resolve("server.pem"), serverCert, caCert);
            Path key = write(
                    dir.resolve("server-key.pem"),
                    new org.bouncycastle.openssl.jcajce.JcaPKCS8Generator(serverKeys.getPrivate(), null));
            Path keystore = dir.resolve("server-keystore.pem");
            Files.writeString(keystore, Files.readString(key) + Files.readString(cert));
            return new TestCertificates(ca, cert, key, keystore);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot make test certificates: " + e.getMessage(), e);
        }
    }

    /** A client context that trusts the test CA only. */
    public SSLContext clientContext() {
        return RedisConnections.trusting(ca);
    }

    private static KeyPair ecKeys() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        return g.generateKeyPair();
    }

    private static org.bouncycastle.operator.ContentSigner signer(KeyPair keys) throws Exception {
        return new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate());
    }

    private static Path write(Path file, Object... objects) throws IOException {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(out)) {
            for (Object o : objects) {
                if (o instanceof X509CertificateHolder h) w.writeObject(h);
                else if (o instanceof org.bouncycastle.util.io.pem.PemObjectGenerator g) w.writeObject(g);
                else w.writeObject(o);
            }
        }
        return Files.writeString(file, out.toString());
    }
}
