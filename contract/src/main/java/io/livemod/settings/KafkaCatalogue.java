package io.livemod.settings;

import static io.livemod.settings.Role.GATEWAY;
import static io.livemod.settings.Role.MODERATION;
import static io.livemod.settings.Role.TOOLS;

import java.util.List;

/** Security of every Kafka client the project creates (gateway, moderation's Streams, the tools): io.livemod.event.KafkaClients builds them. */
public final class KafkaCatalogue {
    private KafkaCatalogue() {}

    public static final Setting<String> SECURITY_PROTOCOL =
            kafka(Setting.text("securityProtocol", "LIVEMOD_KAFKA_SECURITY_PROTOCOL", "PLAINTEXT")
                    .choices("PLAINTEXT", "SSL", "SASL_SSL")
                    .doc("Kafka transport"));
    public static final Setting<String> CA = kafka(Setting.text("ca", "LIVEMOD_KAFKA_CA", null)
            .boundsDoc("readable file")
            .defaultDoc("the JVM's trust store")
            .doc("PEM file of the CA(s) that signed the brokers' certificates"));
    public static final Setting<String> CLIENT_KEYSTORE =
            kafka(Setting.text("clientKeystore", "LIVEMOD_KAFKA_CLIENT_KEYSTORE", null)
                    .boundsDoc("readable file")
                    .doc("mutual TLS: PEM file with this client's PKCS#8 key and certificate chain"));
    public static final Setting<String> SASL_MECHANISM =
            kafka(Setting.text("saslMechanism", "LIVEMOD_KAFKA_SASL_MECHANISM", "SCRAM-SHA-512")
                    .choices("PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512")
                    .doc("SASL mechanism (with `SASL_SSL`)"));
    public static final Setting<String> SASL_USERNAME =
            kafka(Setting.text("saslUsername", "LIVEMOD_KAFKA_SASL_USERNAME", null)
                    .defaultDoc("required with `SASL_SSL`")
                    .doc("SASL user (also Livemod's principal in `kafka-ingest enable`)"));
    public static final Setting<String> SASL_PASSWORD =
            kafka(Setting.secret("saslPassword", "LIVEMOD_KAFKA_SASL_PASSWORD")
                    .defaultDoc("required with `SASL_SSL`")
                    .doc("SASL password"));

    private static <T> Setting<T> kafka(Setting<T> s) {
        return s.roles(GATEWAY, MODERATION, TOOLS);
    }

    static final List<Setting<?>> ALL =
            List.of(SECURITY_PROTOCOL, CA, CLIENT_KEYSTORE, SASL_MECHANISM, SASL_USERNAME, SASL_PASSWORD);
}
