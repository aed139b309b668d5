package io.livemod.cli.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.livemod.cli.Stack;
import io.livemod.devstack.EmbeddedBroker;
import io.livemod.event.Alert;
import io.livemod.event.AlertAction;
import io.livemod.event.Flag;
import io.livemod.event.FlagMatch;
import io.livemod.event.Topics;
import io.livemod.gateway.auth.Principal;
import io.livemod.gateway.platform.Platforms;
import io.livemod.rules.Severity;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 12: the officer board showed "Không có mục nào" while {@code GET /v1/alerts} listed open
 * alerts. The board must show what the API lists as open, however the alerts reached the gateway:
 * behind a page of resolved alerts, and after its live feed was away (the gateway drops a subscriber
 * that falls behind, which the board did under a burst of alerts; EventSource replays nothing).
 */
class OfficerBoardBrowserTest {
    @TempDir
    static Path data;

    static Stack stack;
    static String base;
    static String officer;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void startStack() {
        stack = Stack.start(new Stack.Options(data, EmbeddedBroker.freePort(), 0, null), Clock.systemUTC());
        base = "http://127.0.0.1:" + stack.gateway().gateway().port();
        officer = stack.gateway().gateway().auth().devToken("check", Principal.Role.OFFICER, null, 30);
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) stack.close();
    }

    @Test
    void openAlertsShowBehindAPageOfResolvedOnes() throws Exception {
        // 220 critical alerts, all resolved, with the latest activity: an unfiltered listing starts with them.
        long day = Duration.ofDays(1).toMillis(), now = System.currentTimeMillis();
        List<Alert> resolved = new ArrayList<>();
        for (int i = 0; i < 220; i++) resolved.add(alert("resolved-" + i, "critical", now + 2 * day + i, 0));
        List<Alert> open =
                List.of(alert("open-a", "critical", now + day, 0), alert("open-b", "critical", now + day - 1, 0));
        try (KafkaProducer<String, Object> p = producer()) {
            for (Alert a : resolved) send(p, Topics.ALERTS.name(), a.alertId(), a);
            for (Alert a : open) send(p, Topics.ALERTS.name(), a.alertId(), a);
            for (Alert a : resolved) {
                send(
                        p,
                        Topics.ALERT_ACTIONS.name(),
                        a.alertId(),
                        new AlertAction(
                                "act-" + a.alertId(),
                                a.alertId(),
                                AlertAction.Action.RESOLVE,
                                "officer-2",
                                null,
                                "đã xử lý",
                                2_000));
            }
            p.flush();
        }
        await().atMost(20, TimeUnit.SECONDS)
                .until(() -> "open".equals(get("/v1/alerts/open-b").getString("status"))
                        && "resolved".equals(get("/v1/alerts/resolved-219").getString("status")));

        Browser.use("officer-board-resolved", d -> {
            signInAsOfficer(d, base);
            awaitBoardShowsWhatTheApiLists(d, Duration.ofSeconds(20));
            assertThat(rowIds(d)).contains("open-a", "open-b").noneMatch(id -> id.startsWith("resolved-"));
        });
    }

    @Test
    void alertsSentWhileTheLiveFeedWasAwayShowOnceItReconnects() throws Exception {
        try (CuttableProxy proxy = new CuttableProxy(stack.gateway().gateway().port())) {
            Browser.use("officer-board-reconnect", d -> {
                signInAsOfficer(d, "http://127.0.0.1:" + proxy.port());
                // The feed is cut (a blip, a restart, or the gateway dropping a page that fell behind):
                // alerts raised meanwhile are never replayed by EventSource.
                proxy.cut();
                new WebDriverWait(d, Duration.ofSeconds(10))
                        .until(ExpectedConditions.textToBe(By.id("live-state"), ""));
                long now = System.currentTimeMillis() + Duration.ofDays(3).toMillis(); // first in the listing
                try (KafkaProducer<String, Object> p = producer()) {
                    for (int i = 0; i < 3; i++)
                        send(
                                p,
                                Topics.ALERTS.name(),
                                "while-away-" + i,
                                alert("while-away-" + i, "critical", now + i, 1));
                    p.flush();
                }
                await().atMost(20, TimeUnit.SECONDS).until(() -> openIds().contains("while-away-2"));
                proxy.restore();
                awaitBoardShowsWhatTheApiLists(d, Duration.ofSeconds(20));
                assertThat(rowIds(d)).contains("while-away-0", "while-away-1", "while-away-2");
            });
        }
    }

    /** Issue 20: an officer registers a false claim in the console and finds it again typed without tone marks. */
    @Test
    void officersRegisterAndSearchFalseClaims() throws Exception {
        String bank = new JsonObject()
                .put("text", "Ngân hàng Đông Á sắp phá sản, người gửi tiền mất trắng")
                .put("source", "Trung tâm xử lý tin giả")
                .put("verdict", "Sai sự thật")
                .put("date", "2026-11-20")
                .put("category", "bank")
                .encode();
        HttpResponse<String> created = HTTP.send(
                HttpRequest.newBuilder(URI.create(base + "/v1/claims"))
                        .header("Authorization", "Bearer " + officer)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(bank))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).isEqualTo(201);
        Browser.use("officer-claims", d -> {
            signInAsOfficer(d, base);
            WebDriverWait wait = new WebDriverWait(d, Duration.ofSeconds(20));
            d.findElement(By.cssSelector("button[data-tab=falseClaims]")).click();
            wait.until(x -> claimRows(x).stream().anyMatch(t -> t.contains("Đông Á")));
            d.findElement(By.cssSelector("#claim-new summary")).click();
            d.findElement(By.cssSelector("#claim-form [name=text]"))
                    .sendKeys("Uống nước chanh nóng mỗi sáng chữa khỏi ung thư");
            d.findElement(By.cssSelector("#claim-form [name=source]")).sendKeys("Trung tâm xử lý tin giả");
            d.findElement(By.cssSelector("#claim-form [name=verdict]")).sendKeys("Sai sự thật");
            d.findElement(By.cssSelector("#claim-form [name=category]")).sendKeys("health");
            d.findElement(By.cssSelector("#claim-form button")).click();
            wait.until(x -> claimRows(x).stream().anyMatch(t -> t.contains("nước chanh nóng")));

            search(d, "nuoc chanh nong");
            wait.until(x -> claimRows(x).size() == 1 && claimRows(x).get(0).contains("nước chanh nóng"));
            search(d, "ngan hang dong a");
            wait.until(x -> claimRows(x).size() == 1 && claimRows(x).get(0).contains("Đông Á"));
            search(d, "gạo nhựa");
            wait.until(x -> claimRows(x).isEmpty());
        });
    }

    static void search(WebDriver d, String q) {
        WebElement box = d.findElement(By.id("claim-q"));
        box.clear();
        box.sendKeys(q);
        d.findElement(By.cssSelector("#claim-search button")).click();
    }

    /** The rows' text read in one script: the table is re-rendered as answers arrive, so elements held across calls go stale. */
    @SuppressWarnings("unchecked")
    static List<String> claimRows(WebDriver d) {
        return (List<String>) ((org.openqa.selenium.JavascriptExecutor) d)
                .executeScript(
                        "return [...document.querySelectorAll('#claim-rows tr[data-id]')].map(tr => tr.textContent)");
    }

    /** Every alert of the API's first page of open alerts (the board's row cap) is a row of the board. */
    static void awaitBoardShowsWhatTheApiLists(WebDriver d, Duration atMost) {
        new WebDriverWait(d, atMost).until(x -> {
            try {
                Set<String> api = openIds();
                return !api.isEmpty() && rowIds(d).containsAll(api);
            } catch (Exception e) {
                return false;
            }
        });
    }

    static void signInAsOfficer(WebDriver d, String origin) {
        d.get(origin + "/console/");
        WebDriverWait wait = new WebDriverWait(d, Duration.ofSeconds(20));
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button[data-role=officer]")))
                .click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("live-state"), "●"));
    }

    /** Read in one script so a live re-render between finding and reading a row cannot make it stale. */
    @SuppressWarnings("unchecked")
    static Set<String> rowIds(WebDriver d) {
        return new HashSet<>(
                (List<String>)
                        ((org.openqa.selenium.JavascriptExecutor) d)
                                .executeScript(
                                        "return Array.from(document.querySelectorAll('#alert-rows tr[data-id]'), tr => tr.dataset.id);"));
    }

    /** The ids of the first page of open alerts, at most the board's row cap (console/officer.js SHOWN). */
    static Set<String> openIds() throws Exception {
        JsonArray items = get("/v1/alerts?status=open&limit=500").getJsonArray("items", new JsonArray());
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < items.size(); i++) ids.add(items.getJsonObject(i).getString("alertId"));
        return ids;
    }

    static JsonObject get(String path) throws Exception {
        HttpResponse<String> r = HTTP.send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("Authorization", "Bearer " + officer)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return r.statusCode() == 200 ? new JsonObject(r.body()) : new JsonObject();
    }

    static Alert alert(String id, String severity, long lastSeen, int samples) {
        String text = "nhận quà miễn phí liên hệ zalo 0912 345 678";
        List<Flag> flags = new ArrayList<>();
        for (int i = 0; i < samples; i++) {
            flags.add(Flag.builder(id + "-f" + i, Flag.Kind.CAMPAIGN)
                    .comment(Platforms.DEMO_GAPO, "live-" + i, "c-" + id + "-" + i, "u-" + i, text)
                    .category("spam")
                    .severity(Severity.fromWire(severity))
                    .matches(List.of(new FlagMatch("campaign", "same text in 3 streams", 0, 0, List.of())))
                    .rulesVersion("v1")
                    .receivedAt(lastSeen)
                    .detectedAt(lastSeen)
                    .status(Flag.Status.OPEN)
                    .build());
        }
        return Alert.builder(id, Alert.Kind.CAMPAIGN)
                .platforms(List.of(Platforms.DEMO_GAPO, Platforms.DEMO_VNG))
                .streams(List.of("live-1", "live-2", "live-3"))
                .category("spam")
                .severity(Severity.fromWire(severity))
                .summary("same text in 3 streams")
                .count(3)
                .distinctUsers(3)
                .seen(lastSeen - 100, lastSeen)
                .userIds(List.of("u-1", "u-2"))
                .samples(flags)
                .rulesVersion("v1")
                .state(Alert.State.OPEN)
                .detectedAt(lastSeen)
                .build();
    }

    static KafkaProducer<String, Object> producer() {
        return new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrap(), ProducerConfig.LINGER_MS_CONFIG, 5),
                new org.apache.kafka.common.serialization.StringSerializer(),
                (topic, value) -> io.livemod.event.Json.bytes(value));
    }

    static void send(KafkaProducer<String, Object> p, String topic, String key, Object value) {
        var unused = p.send(new ProducerRecord<>(
                topic, key, value)); // callers flush; a lost record shows as their await timing out
    }
}
