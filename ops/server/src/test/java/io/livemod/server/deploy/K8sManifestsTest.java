package io.livemod.server.deploy;

import static io.livemod.server.deploy.Manifests.containers;
import static io.livemod.server.deploy.Manifests.list;
import static io.livemod.server.deploy.Manifests.map;
import static org.assertj.core.api.Assertions.assertThat;

import io.livemod.event.Topic;
import io.livemod.event.Topics;
import io.livemod.server.LivemodServer;
import io.livemod.server.deploy.Manifests.Doc;
import io.livemod.server.health.ModerationHttp;
import io.livemod.settings.Catalogue;
import io.livemod.settings.Role;
import io.livemod.settings.Setting;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import picocli.CommandLine;

/**
 * ops/deploy/k8s against the code: the variables the manifests set are ones the roles read, the
 * probes hit routes that exist on the ports the roles listen on, every topic of the registry has its
 * KafkaTopic, the images are the one `-Pimage` builds, and no secret is written down.
 */
class K8sManifestsTest {
    private static final String IMAGE = System.getProperty("livemod.image", "livemod/livemod-server:0.1.0");
    /** Variables that carry a key or password: only ever from a Secret (the catalogue's secrets, and Redis's own). */
    private static final Set<String> SECRET = Stream.concat(
                    Stream.of("REDIS_PASSWORD"),
                    Catalogue.ALL.stream().filter(Setting::isSecret).map(Setting::env))
            .collect(Collectors.toSet());

    private static List<Doc> docs;

    @BeforeAll
    static void load() {
        docs = Manifests.load();
    }

    @Test
    void kustomizationListsEveryManifest() {
        Map<String, Object> k = new Yaml().load(read("kustomization.yaml"));
        Set<String> files = Manifests.files().stream()
                .map(p -> p.getFileName().toString())
                .filter(n -> !n.equals("kustomization.yaml"))
                .collect(Collectors.toSet());
        assertThat(k.get("resources"))
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
                .containsExactlyInAnyOrderElementsOf(files);
    }

    @Test
    void livemodPodsRunTheImageWithArgumentsTheServerAccepts() {
        for (Doc w : workloads()) {
            for (Map<String, Object> c : containers(w)) {
                assertThat(c.get("image")).as(w.name()).isEqualTo(IMAGE);
                List<String> args = Manifests.args(c);
                assertThat(args.get(0)).as(w.name() + " role").isIn("gateway", "moderation");
                new CommandLine(new LivemodServer())
                        .parseArgs(args.toArray(String[]::new)); // throws on an unknown option
                assertThat(args)
                        .as(w.name() + ": never dev mode in a deployment")
                        .doesNotContain("--dev");
            }
        }
    }

    @Test
    void everyVariableSetIsOneTheRoleReads() {
        Set<String> gateway = Catalogue.variablesOf(Role.GATEWAY);
        Set<String> moderation = Catalogue.variablesOf(Role.MODERATION);
        assertThat(SECRET)
                .as("the catalogue marks keys and passwords secret")
                .contains(
                        "LIVEMOD_SECRETS_KEY", "LIVEMOD_PSEUDONYM_KEY", "LIVEMOD_KAFKA_SASL_PASSWORD", "LIVEMOD_REDIS");
        assertThat(Manifests.variablesReadUnder("gateway", "moderation", "ops/server", "ops/cli"))
                .as("every variable the code names is declared in the catalogue")
                .allMatch(v -> Catalogue.byEnv(v).isPresent());
        for (Doc w : workloads()) {
            for (Map<String, Object> c : containers(w)) {
                Set<String> known = Manifests.args(c).get(0).equals("gateway") ? gateway : moderation;
                for (Map<String, Object> e : list(c, "env")) {
                    assertThat((String) e.get("name"))
                            .as(w.name() + " sets a variable its role reads")
                            .isIn(known);
                }
            }
        }
    }

    @Test
    void secretsComeFromSecretsAndNoneIsWrittenDown() {
        assertThat(Manifests.ofKind(docs, "Secret"))
                .as("no Secret object: the operator creates it (docs/operations.md)")
                .isEmpty();
        for (Doc d : docs) {
            if (!d.kind().equals("Deployment") && !d.kind().equals("StatefulSet")) continue;
            for (Map<String, Object> c : containers(d)) {
                for (Map<String, Object> e : list(c, "env")) {
                    if (!SECRET.contains((String) e.get("name"))) continue;
                    assertThat(e).as(d.name() + " " + e.get("name")).doesNotContainKey("value");
                    assertThat(map(e, "valueFrom"))
                            .as(d.name() + " " + e.get("name"))
                            .containsKey("secretKeyRef");
                }
            }
        }
    }

    @Test
    void probesHitTheHealthRoutesOnTheRolesPorts() {
        Set<String> gatewayRoutes = gatewayPaths();
        for (Doc w : workloads()) {
            for (Map<String, Object> c : containers(w)) {
                List<String> args = Manifests.args(c);
                boolean isGateway = args.get(0).equals("gateway");
                int listens = isGateway
                        ? Integer.parseInt(Manifests.option(args, "--port")
                                .or(() -> Manifests.envValue(c, "LIVEMOD_HTTP_PORT"))
                                .orElse("8080"))
                        : Integer.parseInt(Manifests.option(args, "--http-port").orElse("8090"));
                if (!isGateway)
                    assertThat(Manifests.option(args, "--http-host"))
                            .as("probes come from outside the pod")
                            .contains("0.0.0.0");
                assertThat(probePath(c, "readinessProbe")).as(w.name()).isEqualTo("/health/ready");
                assertThat(probePath(c, "livenessProbe")).as(w.name()).isEqualTo("/health/live");
                for (String probe : List.of("readinessProbe", "livenessProbe", "startupProbe")) {
                    if (!c.containsKey(probe)) continue;
                    assertThat(probePath(c, probe))
                            .as(w.name() + " " + probe)
                            .isIn(isGateway ? gatewayRoutes : Set.copyOf(ModerationHttp.ROUTES));
                    assertThat(probePort(c, probe))
                            .as(w.name() + " " + probe + " port")
                            .isEqualTo(listens);
                }
            }
        }
    }

    @Test
    void everyTopicOfTheRegistryHasItsKafkaTopic() {
        List<Doc> topics = Manifests.ofKind(docs, "KafkaTopic");
        assertThat(topics).hasSameSizeAs(Topics.ALL);
        for (Topic<?, ?> t : Topics.ALL) {
            Doc d = topics.stream()
                    .filter(x -> t.name().equals(map(x.body(), "spec").get("topicName")))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no KafkaTopic for " + t.name()));
            Map<String, Object> spec = map(d.body(), "spec");
            assertThat(spec.get("partitions")).as(t.name()).isEqualTo(t.partitions());
            assertThat(spec.get("replicas")).as(t.name()).isEqualTo(3);
            Map<String, Object> config = map(spec, "config");
            assertThat(config).as(t.name()).containsEntry("min.insync.replicas", "2");
            t.config().forEach((k, v) -> assertThat(config).as(t.name()).containsEntry(k, v));
            assertThat(map(d.body(), "metadata", "labels")).containsEntry("strimzi.io/cluster", "livemod");
        }
    }

    @Test
    void kafkaIsReplicatedAndTheRolesFindItsBootstrapUserAndCa() {
        Doc kafka = Manifests.named(docs, "Kafka", "livemod");
        Map<String, Object> config = map(kafka.body(), "spec", "kafka", "config");
        assertThat(config)
                .containsEntry("min.insync.replicas", 2)
                .containsEntry("default.replication.factor", 3)
                .containsEntry("transaction.state.log.min.isr", 2)
                .containsEntry("transaction.state.log.replication.factor", 3);
        assertThat((int) map(Manifests.ofKind(docs, "KafkaNodePool").get(0).body(), "spec")
                        .get("replicas"))
                .isGreaterThanOrEqualTo(3);
        for (Doc d : docs) {
            if (d.body().get("apiVersion").toString().startsWith("kafka.strimzi.io")) {
                assertThat(d.body().get("apiVersion"))
                        .as("Strimzi 1.x serves v1 only")
                        .isEqualTo("kafka.strimzi.io/v1");
            }
        }
        Map<String, Object> listener =
                list(map(kafka.body(), "spec", "kafka"), "listeners").get(0);
        String bootstrap = "livemod-kafka-bootstrap:" + listener.get("port");
        Doc user = Manifests.ofKind(docs, "KafkaUser").get(0);
        for (Doc w : workloads()) {
            for (Map<String, Object> c : containers(w)) {
                assertThat(Manifests.option(Manifests.args(c), "--bootstrap"))
                        .as(w.name())
                        .contains(bootstrap);
                assertThat(Manifests.envValue(c, "LIVEMOD_KAFKA_SASL_USERNAME"))
                        .as(w.name())
                        .contains(user.name());
                Map<String, Object> password = list(c, "env").stream()
                        .filter(e -> "LIVEMOD_KAFKA_SASL_PASSWORD".equals(e.get("name")))
                        .findFirst()
                        .orElseThrow();
                assertThat(map(password, "valueFrom", "secretKeyRef"))
                        .containsEntry("name", user.name())
                        .containsEntry("key", "password");
                assertThat(list(map(w.body(), "spec", "template", "spec"), "volumes"))
                        .as(w.name() + " mounts the cluster CA")
                        .anySatisfy(v -> assertThat(v.toString()).contains("secretName=livemod-cluster-ca-cert"));
            }
        }
    }

    @Test
    void moderationKeepsAStandbyOnAnotherPod() {
        Doc moderation = Manifests.named(docs, "StatefulSet", "livemod-moderation");
        int standbys =
                Integer.parseInt(Manifests.envValue(containers(moderation).get(0), "LIVEMOD_STANDBY_REPLICAS")
                        .orElse("0"));
        assertThat(standbys).isPositive();
        assertThat((int) map(moderation.body(), "spec").get("replicas")).isGreaterThan(standbys);
        Doc gateway = Manifests.named(docs, "Deployment", "livemod-gateway");
        assertThat((int) map(gateway.body(), "spec").get("replicas")).isGreaterThanOrEqualTo(2);
        Doc service = Manifests.named(docs, "Service", "livemod-gateway");
        assertThat(map(service.body(), "spec", "selector"))
                .isEqualTo(map(gateway.body(), "spec", "selector", "matchLabels"));
    }

    private static List<Doc> workloads() {
        List<Doc> w = docs.stream()
                .filter(d -> d.kind().equals("Deployment") || d.kind().equals("StatefulSet"))
                .filter(d -> d.name().startsWith("livemod-") && !d.name().equals("livemod-redis"))
                .toList();
        assertThat(w).extracting(Doc::name).containsExactlyInAnyOrder("livemod-gateway", "livemod-moderation");
        return w;
    }

    private static String probePath(Map<String, Object> c, String probe) {
        return (String) map(c, probe, "httpGet").get("path");
    }

    /** A probe's port, a number or the name of one of the container's ports. */
    private static int probePort(Map<String, Object> c, String probe) {
        Object port = map(c, probe, "httpGet").get("port");
        if (port instanceof Integer n) return n;
        return list(c, "ports").stream()
                .filter(p -> port.equals(p.get("name")))
                .map(p -> (Integer) p.get("containerPort"))
                .findFirst()
                .orElseThrow(() ->
                        new AssertionError(probe + " names port " + port + ", which the container does not declare"));
    }

    /** The gateway's documented routes: openapi.yaml, which the gateway's own tests hold its live routes to. */
    @SuppressWarnings("unchecked")
    private static Set<String> gatewayPaths() {
        try (InputStream in = K8sManifestsTest.class.getResourceAsStream("/openapi.yaml")) {
            Map<String, Object> api = new Yaml().load(in);
            return ((Map<String, Object>) api.get("paths")).keySet();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String read(String file) {
        try {
            return java.nio.file.Files.readString(Manifests.DIR.resolve(file));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
