package io.livemod.gateway.ministry;

import io.livemod.event.Alert;
import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Alerts as an Atom feed of CAP 1.2 messages, for early-warning systems that already subscribe to
 * CAP feeds. Each entry carries one {@code <alert>} inline; a resolved alert becomes a Cancel that
 * references the original message. No user ids leave the system this way: counts only.
 * Times are in Vietnam's zone with a numeric offset, as CAP 1.2 forbids "Z".
 */
public final class CapFeed {
    public static final String CAP_NS = "urn:oasis:names:tc:emergency:cap:1.2";
    public static final String ATOM_NS = "http://www.w3.org/2005/Atom";
    private static final DateTimeFormatter CAP_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx").withZone(ZoneId.of("Asia/Ho_Chi_Minh"));
    private final String sender;

    public CapFeed(String sender) {
        this.sender = sender;
    }

    public static String time(long millis) {
        return CAP_TIME.format(Instant.ofEpochMilli(millis));
    }

    /** @param baseUrl scheme://host[:port] of this gateway as the subscriber reached it */
    public String feed(List<AlertView> alerts, String baseUrl, long now) {
        try {
            StringWriter out = new StringWriter();
            XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            w.writeStartDocument("UTF-8", "1.0");
            w.setDefaultNamespace(ATOM_NS);
            w.writeStartElement(ATOM_NS, "feed");
            w.writeDefaultNamespace(ATOM_NS);
            text(w, ATOM_NS, "id", "urn:livemod:" + sender + ":alerts");
            text(w, ATOM_NS, "title", "Livemod livestream alerts");
            text(
                    w,
                    ATOM_NS,
                    "updated",
                    time(alerts.stream()
                            .map(this::updated)
                            .max(Comparator.naturalOrder())
                            .orElse(now)));
            link(w, "self", "application/atom+xml", baseUrl + "/v1/alerts/cap");
            w.writeStartElement(ATOM_NS, "author");
            text(w, ATOM_NS, "name", sender);
            w.writeEndElement();
            for (AlertView a : alerts) entry(w, a, baseUrl);
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
            return out.toString();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the CAP feed", e);
        }
    }

    /** One CAP message alone, for {@code GET /v1/alerts/{id}/cap}. */
    public String message(AlertView a, String baseUrl) {
        try {
            StringWriter out = new StringWriter();
            XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            w.writeStartDocument("UTF-8", "1.0");
            cap(w, a, baseUrl);
            w.writeEndDocument();
            w.close();
            return out.toString();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write a CAP message", e);
        }
    }

    private long updated(AlertView a) {
        long t = Math.max(a.lastSeen(), a.openedAt());
        return a.resolvedAt() != null ? Math.max(t, a.resolvedAt()) : t;
    }

    private void entry(XMLStreamWriter w, AlertView a, String baseUrl) throws XMLStreamException {
        boolean cancel = AlertState.RESOLVED.equals(a.status());
        w.writeStartElement(ATOM_NS, "entry");
        text(w, ATOM_NS, "id", "urn:livemod:alert:" + identifier(a) + (cancel ? ":cancel" : ""));
        text(w, ATOM_NS, "title", headline(a));
        text(w, ATOM_NS, "updated", time(updated(a)));
        link(w, "alternate", "application/cap+xml", baseUrl + "/v1/alerts/" + a.alertId() + "/cap");
        w.writeStartElement(ATOM_NS, "content");
        w.writeAttribute("type", "application/cap+xml");
        cap(w, a, baseUrl);
        w.writeEndElement();
        w.writeEndElement();
    }

    private void cap(XMLStreamWriter w, AlertView a, String baseUrl) throws XMLStreamException {
        boolean cancel = AlertState.RESOLVED.equals(a.status());
        String id = identifier(a);
        w.setDefaultNamespace(CAP_NS);
        w.writeStartElement(CAP_NS, "alert");
        w.writeDefaultNamespace(CAP_NS);
        text(w, CAP_NS, "identifier", cancel ? id + "-cancel" : id);
        text(w, CAP_NS, "sender", sender);
        text(w, CAP_NS, "sent", time(cancel ? a.resolvedAt() : a.openedAt()));
        text(w, CAP_NS, "status", "Actual");
        text(w, CAP_NS, "msgType", cancel ? "Cancel" : "Alert");
        text(w, CAP_NS, "scope", "Restricted");
        text(w, CAP_NS, "restriction", "Ministry early-warning partners only");
        if (cancel) {
            text(w, CAP_NS, "note", a.resolution() == null ? "resolved" : a.resolution());
            text(w, CAP_NS, "references", sender + "," + id + "," + time(a.openedAt()));
        }
        text(w, CAP_NS, "incidents", id);
        w.writeStartElement(CAP_NS, "info");
        text(w, CAP_NS, "language", "vi-VN");
        text(w, CAP_NS, "category", "Security");
        text(
                w,
                CAP_NS,
                "event",
                a.kind() == Alert.Kind.FALSE_CLAIM
                        ? "Livestream false claim"
                        : "Livestream " + (a.category() == null ? "incident" : a.category()));
        text(w, CAP_NS, "responseType", cancel ? "AllClear" : "Monitor");
        text(
                w,
                CAP_NS,
                "urgency",
                switch (a.severityRank()) {
                    case 0, 1 -> "Immediate";
                    case 2 -> "Expected";
                    default -> "Future";
                });
        text(
                w,
                CAP_NS,
                "severity",
                switch (a.severityRank()) {
                    case 0 -> "Extreme";
                    case 1 -> "Severe";
                    case 2 -> "Moderate";
                    case 3 -> "Minor";
                    default -> "Unknown";
                });
        text(w, CAP_NS, "certainty", "Observed");
        text(w, CAP_NS, "senderName", "Livemod early warning");
        text(w, CAP_NS, "headline", headline(a));
        text(w, CAP_NS, "description", description(a));
        text(w, CAP_NS, "web", baseUrl + "/v1/alerts/" + a.alertId());
        parameter(w, "kind", a.kind().wire());
        parameter(w, "platform", a.platform() != null ? a.platform() : String.join(" ", a.platforms()));
        parameter(w, "streamId", a.streamId() != null ? a.streamId() : String.join(" ", a.streams()));
        parameter(w, "count", Long.toString(a.count()));
        parameter(w, "distinctUsers", Long.toString(a.distinctUsers()));
        parameter(w, "status", a.status());
        parameter(w, "rulesVersion", a.rulesVersion());
        parameter(w, "claimId", a.claimId());
        if (a.perMinute() != null && !a.perMinute().isEmpty()) {
            parameter(
                    w,
                    "lastMinuteCount",
                    Long.toString(a.perMinute().get(a.perMinute().size() - 1).count()));
        }
        w.writeEndElement();
        w.writeEndElement();
    }

    /** A short content hash of a rendered feed, for its ETag. */
    static String digest(String text) {
        try {
            byte[] h = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(h, 0, 16);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    /** CAP identifiers must not contain spaces, commas or restricted characters. */
    static String identifier(AlertView a) {
        return "livemod-" + a.alertId().replaceAll("[\\s,<&]", "_");
    }

    private static String headline(AlertView a) {
        String h = a.summary() == null || a.summary().isBlank() ? a.kind().wire() + " " + a.category() : a.summary();
        return h.length() <= 160 ? h : h.substring(0, 159) + "…";
    }

    private static String description(AlertView a) {
        return (a.summary() == null ? "" : a.summary() + "\n") + a.count() + " flags from " + a.distinctUsers()
                + " users between "
                + time(a.firstSeen()) + " and " + time(a.lastSeen()) + "; platform "
                + (a.platform() != null ? a.platform() : String.join(", ", a.platforms())) + ".";
    }

    private static void parameter(XMLStreamWriter w, String name, String value) throws XMLStreamException {
        if (value == null || value.isEmpty()) return;
        w.writeStartElement(CAP_NS, "parameter");
        text(w, CAP_NS, "valueName", name);
        text(w, CAP_NS, "value", value);
        w.writeEndElement();
    }

    private static void link(XMLStreamWriter w, String rel, String type, String href) throws XMLStreamException {
        w.writeEmptyElement(ATOM_NS, "link");
        w.writeAttribute("rel", rel);
        w.writeAttribute("type", type);
        w.writeAttribute("href", xmlSafe(href));
    }

    private static void text(XMLStreamWriter w, String ns, String name, String value) throws XMLStreamException {
        w.writeStartElement(ns, name);
        w.writeCharacters(value == null ? "" : xmlSafe(value));
        w.writeEndElement();
    }

    /**
     * The text without what XML 1.0 cannot carry at all, not even escaped: control characters other
     * than tab, newline and carriage return (a U+000B in a comment must not make the whole feed
     * malformed for every subscriber), lone surrogates, U+FFFE and U+FFFF.
     */
    static String xmlSafe(String s) {
        StringBuilder b = null;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            int n = Character.charCount(cp);
            boolean ok = cp == 0x9
                    || cp == 0xA
                    || cp == 0xD
                    || (cp >= 0x20 && cp <= 0xD7FF)
                    || (cp >= 0xE000 && cp <= 0xFFFD)
                    || (cp >= 0x10000 && cp <= 0x10FFFF && n == 2);
            if (!ok && b == null) b = new StringBuilder(s.length()).append(s, 0, i);
            if (ok && b != null) b.appendCodePoint(cp);
            i += n;
        }
        return b == null ? s : b.toString();
    }
}
