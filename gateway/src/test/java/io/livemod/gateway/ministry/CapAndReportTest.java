package io.livemod.gateway.ministry;

import static io.livemod.gateway.ministry.Samples.alert;
import static io.livemod.gateway.ministry.Samples.decision;
import static io.livemod.gateway.ministry.Samples.flag;
import static io.livemod.gateway.ministry.Samples.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.livemod.event.Alert;
import io.livemod.event.Decision;
import io.livemod.event.Flag;
import io.livemod.event.Topics;
import io.livemod.gateway.auth.Principal;
import io.livemod.gateway.platform.Platforms;
import io.livemod.gateway.testing.MutableClock;
import io.vertx.core.json.JsonObject;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** The CAP 1.2 feed checked against the OASIS schema, and the summary report in JSON and CSV. */
class CapAndReportTest {
    static MutableClock clock;
    static TestStack.Running gw;
    static String officer;
    static String admin;

    @BeforeAll
    static void start() {
        clock = new MutableClock(Instant.parse("2026-11-28T07:00:00Z"));
        gw = TestStack.gateway(clock, null, Duration.ofMinutes(10));
        officer = gw.token(Principal.Role.OFFICER, "officer-1");
        admin = gw.token(Principal.Role.ADMIN, "admin-1");
    }

    @AfterAll
    static void stop() {
        gw.close();
    }

    static Schema capSchema() throws Exception {
        SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        return f.newSchema(new StreamSource(TestStack.xsd().toFile()));
    }

    static Document parse(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }

    /** Each CAP message of the document, serialized alone, as a subscriber would extract it. */
    static List<String> capMessages(Document doc) throws Exception {
        NodeList alerts = doc.getElementsByTagNameNS(CapFeed.CAP_NS, "alert");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < alerts.getLength(); i++) {
            StringWriter w = new StringWriter();
            TransformerFactory.newInstance()
                    .newTransformer()
                    .transform(new DOMSource(alerts.item(i)), new StreamResult(w));
            out.add(w.toString());
        }
        return out;
    }

    @Test
    void theCapFeedIsAnAtomFeedOfValidCap12Messages() throws Exception {
        Alert plain = alert(id("cap"), Platforms.DEMO_GAPO, "critical", clock.millis(), "u-secret-1");
        // Text that XML 1.0 cannot carry (a vertical tab, a NUL) from a comment in the summary.
        Alert open = plain.toBuilder()
                .summary("campaign: \"nhận\u000Bquà\u0000 ở đây\"")
                .build();
        Alert resolved = alert(id("cap-r"), Platforms.DEMO_VNG, "medium", clock.millis(), "u-secret-2");
        TestStack.publish(Topics.ALERTS, open.alertId(), open);
        TestStack.publish(Topics.ALERTS, resolved.alertId(), resolved);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> gw.get("/v1/alerts/" + resolved.alertId(), officer).statusCode() == 200);
        assertThat(gw.post("/v1/alerts/" + resolved.alertId() + "/resolve", officer, "{\"note\":\"Đã gỡ\"}")
                        .statusCode())
                .isEqualTo(200);

        HttpResponse<String> feed = gw.get("/v1/alerts/cap", officer);
        assertThat(feed.statusCode()).isEqualTo(200);
        assertThat(feed.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/atom+xml"));
        assertThat(feed.body()).doesNotContain("u-secret-1", "u-secret-2").contains("campaign: \"nhậnquà ở đây\"");
        Document doc = parse(feed.body());
        assertThat(doc.getDocumentElement().getNamespaceURI()).isEqualTo(CapFeed.ATOM_NS);
        assertThat(doc.getDocumentElement().getLocalName()).isEqualTo("feed");

        Schema schema = capSchema();
        List<String> messages = capMessages(doc);
        assertThat(messages).isNotEmpty();
        for (String m : messages) schema.newValidator().validate(new StreamSource(new StringReader(m)));

        List<String> identifiers = new ArrayList<>();
        NodeList ids = doc.getElementsByTagNameNS(CapFeed.CAP_NS, "identifier");
        for (int i = 0; i < ids.getLength(); i++) identifiers.add(ids.item(i).getTextContent());
        assertThat(identifiers).contains("livemod-" + open.alertId(), "livemod-" + resolved.alertId() + "-cancel");
        Element cancel = (Element) doc.getElementsByTagNameNS(CapFeed.CAP_NS, "identifier")
                .item(identifiers.indexOf("livemod-" + resolved.alertId() + "-cancel"))
                .getParentNode();
        assertThat(cancel.getElementsByTagNameNS(CapFeed.CAP_NS, "msgType")
                        .item(0)
                        .getTextContent())
                .isEqualTo("Cancel");
        assertThat(cancel.getElementsByTagNameNS(CapFeed.CAP_NS, "references")
                        .item(0)
                        .getTextContent())
                .isEqualTo("livemod-dev,livemod-" + resolved.alertId() + "," + CapFeed.time(resolved.detectedAt()));

        // Polling subscribers: 304 while nothing changed, the new feed once something did.
        String etag = feed.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> same = TestStack.Running.send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(gw.base() + "/v1/alerts/cap"))
                        .header("Authorization", "Bearer " + officer)
                        .header("If-None-Match", etag)
                        .GET()
                        .build());
        assertThat(same.statusCode()).isEqualTo(304);
        assertThat(same.body()).isEmpty();
        assertThat(gw.post("/v1/alerts/" + open.alertId() + "/ack", officer, null)
                        .statusCode())
                .isEqualTo(200);
        HttpResponse<String> changed = TestStack.Running.send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(gw.base() + "/v1/alerts/cap"))
                        .header("Authorization", "Bearer " + officer)
                        .header("If-None-Match", etag)
                        .GET()
                        .build());
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(changed.headers().firstValue("ETag")).isPresent().get().isNotEqualTo(etag);

        HttpResponse<String> one = gw.get("/v1/alerts/" + open.alertId() + "/cap", officer);
        assertThat(one.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/cap+xml"));
        schema.newValidator().validate(new StreamSource(new StringReader(one.body())));
        assertThat(parse(one.body())
                        .getElementsByTagNameNS(CapFeed.CAP_NS, "severity")
                        .item(0)
                        .getTextContent())
                .isEqualTo("Extreme");
    }

    @Test
    void theSummaryReportCountsFlagsDecisionsAndTheMedianTimeToDecision() {
        // A day of its own, so other tests' records do not count (within the reports' 90-day horizon).
        long day = java.time.OffsetDateTime.parse("2026-10-01T00:00:00+07:00")
                .toInstant()
                .toEpochMilli();
        String p = id("rp");
        List<Flag> flags = List.of(
                flag(id("f"), p, "u1", "gambling_ads", day + 1_000),
                flag(id("f"), p, "u2", "gambling_ads", day + 2_000),
                flag(id("f"), p, "u3", "profanity", day + 3_000),
                flag(id("f"), Platforms.DEMO_VNG + "-" + p, "u1", "gambling_ads", day + 4_000));
        for (Flag f : flags) TestStack.publish(Topics.FLAGS, f.flagId(), f);
        TestStack.publish(Topics.FLAGS, flags.get(0).flagId(), flags.get(0)); // re-emitted after a crash: counted once
        Flag outside = flag(id("f"), p, "u1", "gambling_ads", day - 1);
        TestStack.publish(Topics.FLAGS, outside.flagId(), outside);
        TestStack.publish(
                Topics.DECISIONS,
                "k",
                decision(flags.get(0).flagId(), p, "u1", Decision.Action.REMOVE, day + 61_000)); // 60 s
        TestStack.publish(
                Topics.DECISIONS,
                "k",
                decision(flags.get(1).flagId(), p, "u2", Decision.Action.DISMISS, day + 182_000)); // 180 s
        TestStack.publish(
                Topics.DECISIONS,
                "k",
                decision(flags.get(2).flagId(), p, "u3", Decision.Action.REMOVE, day + 303_000)); // 300 s

        String query = "/v1/reports/summary?from=2026-10-01&to=2026-10-02";
        JsonObject r = await().atMost(Duration.ofSeconds(15))
                .until(
                        () -> new JsonObject(gw.get(query, officer).body()),
                        o -> o.getJsonObject("flagsByPlatform").containsKey(p) && o.getLong("decisions") >= 3);
        assertThat(r.getJsonObject("flagsByPlatform").getJsonObject(p).getMap())
                .containsEntry("gambling_ads", 2)
                .containsEntry("profanity", 1);
        assertThat(r.getJsonObject("decisionsByPlatform").getJsonObject(p).getMap())
                .containsEntry("remove", 2)
                .containsEntry("dismiss", 1);
        assertThat(r.getDouble("medianSecondsToDecision")).isEqualTo(180.0);
        assertThat(r.getString("from")).isEqualTo("2026-10-01T00:00:00+07:00");

        HttpResponse<String> csv = gw.get(query + "&format=csv", admin);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        assertThat(csv.body())
                .startsWith("section,platform,key,value\r\n")
                .contains(
                        "flags," + p + ",gambling_ads,2\r\n",
                        "flags," + p + ",profanity,1\r\n",
                        "decisions," + p + ",remove,2\r\n",
                        "decisions,,median_seconds_to_decision,180.0\r\n");
    }

    @Test
    void badPeriodsNameTheParameter() {
        assertThat(new JsonObject(gw.get("/v1/reports/summary?from=yesterday", officer)
                                .body())
                        .getString("field"))
                .isEqualTo("from");
        assertThat(new JsonObject(gw.get("/v1/reports/summary?from=2025-03-02&to=2025-03-01", officer)
                                .body())
                        .getString("field"))
                .isEqualTo("from");
        assertThat(new JsonObject(gw.get("/v1/reports/summary?format=xml", officer)
                                .body())
                        .getString("field"))
                .isEqualTo("format");
        assertThat(gw.get("/v1/reports/summary?from=2020-01-01&to=2025-01-01", officer)
                        .statusCode())
                .isEqualTo(400);
    }
}
