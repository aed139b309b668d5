package io.livemod.ingest;

import io.livemod.event.InboundTopics;
import io.livemod.event.TopicProvisioner;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AccessControlEntryFilter;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourcePatternFilter;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.security.auth.KafkaPrincipal;

/**
 * Enables and disables a platform's Kafka-native ingest through Kafka's Admin API: its inbound topic,
 * and ACLs that let the platform's principal WRITE (and DESCRIBE) that one topic and nothing else,
 * while Livemod's principal READs every inbound topic (one prefixed ACL). The cluster's authorizer
 * (KRaft's StandardAuthorizer) denies everything no ACL allows, so the topic ACL is the tenant
 * boundary. Needs a principal allowed to create topics and ACLs (ALTER on the cluster): an operator's
 * tool, not the internet-facing gateway.
 */
public final class InboundAccess {
    private static final long TIMEOUT_S = 30;

    private InboundAccess() {}

    /**
     * @param acls       every ACL that now applies to the topic (literal, prefixed, wildcard)
     * @param elsewhere  ACLs the platform's principal holds on anything else: none is expected
     */
    public record Grant(
            String topic, String principal, boolean topicCreated, List<AclBinding> acls, List<AclBinding> elsewhere) {}

    /**
     * Creates the topic if missing and grants its writer; a different principal that could write it
     * before loses that right, so the topic has exactly one producer principal.
     */
    public static Grant enable(
            Admin admin, String platformId, String principal, String livemodPrincipal, short replication)
            throws ExecutionException, InterruptedException, TimeoutException {
        String topic = InboundTopics.name(platformId);
        KafkaPrincipal platform = principal(principal, "principal");
        KafkaPrincipal livemod = principal(livemodPrincipal, "livemod principal");
        if (platform.equals(livemod))
            throw new IllegalArgumentException("principal: must not be Livemod's own principal " + livemod);
        boolean created = !TopicProvisioner.ensure(admin, List.of(InboundTopics.of(platformId)), replication)
                .isEmpty();
        List<AclBinding> others = literal(admin, topic).stream()
                .filter(b -> !b.entry().principal().equals(platform.toString()))
                .toList();
        if (!others.isEmpty())
            admin.deleteAcls(others.stream().map(AclBinding::toFilter).toList())
                    .all()
                    .get(TIMEOUT_S, TimeUnit.SECONDS);
        ResourcePattern own = new ResourcePattern(ResourceType.TOPIC, topic, PatternType.LITERAL);
        ResourcePattern every = new ResourcePattern(ResourceType.TOPIC, InboundTopics.PREFIX, PatternType.PREFIXED);
        List<AclBinding> wanted = List.of(
                allow(own, platform, AclOperation.WRITE),
                allow(own, platform, AclOperation.DESCRIBE),
                allow(every, livemod, AclOperation.READ),
                allow(every, livemod, AclOperation.DESCRIBE));
        admin.createAcls(wanted).all().get(TIMEOUT_S, TimeUnit.SECONDS);
        return new Grant(
                topic,
                platform.toString(),
                created,
                awaitApplied(admin, topic, wanted, others),
                elsewhere(admin, platform, topic));
    }

    /**
     * The ACLs on the topic once the broker applies the change: the controller acknowledges it when
     * committed, brokers apply it moments later from the metadata log. Waiting here means "enabled"
     * is true when the command returns: the platform's first produce is allowed.
     */
    private static List<AclBinding> awaitApplied(
            Admin admin, String topic, List<AclBinding> wanted, List<AclBinding> gone)
            throws ExecutionException, InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_S);
        while (true) {
            List<AclBinding> now = applying(admin, topic);
            if (now.containsAll(wanted) && gone.stream().noneMatch(now::contains)) return now;
            if (System.nanoTime() > deadline)
                throw new TimeoutException("the ACLs of " + topic + " are not applied after " + TIMEOUT_S + " s");
            TimeUnit.MILLISECONDS.sleep(50); // polling the cluster's metadata, not waiting for a test result
        }
    }

    /** Revokes every literal ACL on the platform's topic; the topic stays, so what was sent is still validated. */
    public static int disable(Admin admin, String platformId)
            throws ExecutionException, InterruptedException, TimeoutException {
        String topic = InboundTopics.name(platformId);
        Collection<AclBinding> deleted = admin.deleteAcls(List.of(new AclBindingFilter(
                        new ResourcePatternFilter(ResourceType.TOPIC, topic, PatternType.LITERAL),
                        AccessControlEntryFilter.ANY)))
                .all()
                .get(TIMEOUT_S, TimeUnit.SECONDS);
        awaitApplied(admin, topic, List.of(), List.copyOf(deleted));
        return deleted.size();
    }

    /** Every ACL that applies to the platform's topic, whatever its pattern. */
    public static List<AclBinding> applying(Admin admin, String topic)
            throws ExecutionException, InterruptedException, TimeoutException {
        return describe(
                admin,
                new AclBindingFilter(
                        new ResourcePatternFilter(ResourceType.TOPIC, topic, PatternType.MATCH),
                        AccessControlEntryFilter.ANY));
    }

    private static List<AclBinding> literal(Admin admin, String topic)
            throws ExecutionException, InterruptedException, TimeoutException {
        return describe(
                admin,
                new AclBindingFilter(
                        new ResourcePatternFilter(ResourceType.TOPIC, topic, PatternType.LITERAL),
                        AccessControlEntryFilter.ANY));
    }

    private static List<AclBinding> elsewhere(Admin admin, KafkaPrincipal p, String topic)
            throws ExecutionException, InterruptedException, TimeoutException {
        List<AclBinding> all = describe(
                admin,
                new AclBindingFilter(
                        ResourcePatternFilter.ANY,
                        new AccessControlEntryFilter(p.toString(), null, AclOperation.ANY, AclPermissionType.ANY)));
        List<AclBinding> out = new ArrayList<>();
        for (AclBinding b : all) {
            boolean ownTopic = b.pattern().resourceType() == ResourceType.TOPIC
                    && b.pattern().patternType() == PatternType.LITERAL
                    && b.pattern().name().equals(topic);
            if (!ownTopic) out.add(b);
        }
        return out;
    }

    private static List<AclBinding> describe(Admin admin, AclBindingFilter filter)
            throws ExecutionException, InterruptedException, TimeoutException {
        return List.copyOf(admin.describeAcls(filter).values().get(TIMEOUT_S, TimeUnit.SECONDS));
    }

    private static AclBinding allow(ResourcePattern on, KafkaPrincipal who, AclOperation op) {
        return new AclBinding(on, new AccessControlEntry(who.toString(), "*", op, AclPermissionType.ALLOW));
    }

    /** {@code User:name}; a wildcard would open the topic to every client of the cluster. */
    static KafkaPrincipal principal(String s, String field) {
        String t = s == null ? "" : s.trim();
        int colon = t.indexOf(':');
        String name = colon < 0 ? "" : t.substring(colon + 1);
        if (colon < 0
                || !KafkaPrincipal.USER_TYPE.equals(t.substring(0, colon))
                || name.isBlank()
                || name.contains("*")) {
            throw new IllegalArgumentException(field + ": expected User:<name> without wildcards, got '" + s + "'");
        }
        return new KafkaPrincipal(KafkaPrincipal.USER_TYPE, name);
    }
}
