package io.livemod.cli.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.livemod.cli.Stack;
import io.livemod.devstack.EmbeddedBroker;
import io.livemod.event.Alert;
import io.livemod.event.Topics;
import io.livemod.gateway.auth.Principal;
import io.livemod.gateway.platform.Platforms;
import io.livemod.rules.Severity;
import io.livemod.signing.RequestSignature;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console in a real headless Chromium against the real all-in-one stack: a moderator sees a
 * flag appear live after an ingest and decides it; an officer sees an alert and acknowledges it;
 * the console's link opens the API page.
 */
class ConsoleBrowserTest {
    @TempDir
    static Path data;

    static Stack stack;
    static String base;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void startStack() {
        stack = Stack.start(new Stack.Options(data, EmbeddedBroker.freePort(), 0, null), Clock.systemUTC());
        base = "http://127.0.0.1:" + stack.gateway().gateway().port();
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) stack.close();
    }

    static WebDriverWait waiting(WebDriver d) {
        return new WebDriverWait(d, Duration.ofSeconds(20));
    }

    /**
     * Finds the element and acts on it, finding it again if the console re-rendered it in between
     * (the queue and alert tables re-render on every live update, which makes a held row stale).
     */
    static <T> T onFresh(WebDriver d, By locator, java.util.function.Function<WebElement, T> action) {
        return waiting(d)
                .ignoring(StaleElementReferenceException.class)
                .until(dr -> action.apply(dr.findElement(locator)));
    }

    static void signIn(WebDriver d, String selector) {
        d.get(base + "/console/");
        waiting(d)
                .until(ExpectedConditions.elementToBeClickable(By.cssSelector(selector)))
                .click();
    }

    @Test
    void aTokenInTheFragmentIsTakenOnlyWithTheStateThisTabSent() throws Exception {
        String token = stack.gateway().gateway().auth().devToken("officer-x", Principal.Role.OFFICER, null, 10);
        Browser.use("state", d -> {
            // Planted by another site's redirect: no state of this tab. Refused, and the fragment is gone.
            d.get(base + "/console/#access_token=" + token + "&state=forged");
            waiting(d).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("button[data-role=officer]")));
            assertThat(d.getCurrentUrl()).doesNotContain("access_token");
            assertThat(((JavascriptExecutor) d).executeScript("return sessionStorage.getItem('livemod.session')"))
                    .isNull();

            // The state this tab stored when it sent the browser to the identity provider: taken.
            ((JavascriptExecutor) d).executeScript("sessionStorage.setItem('livemod.signinState', 'st-8f3a')");
            d.get(base + "/docs"); // a fragment-only change would not load the page again
            d.get(base + "/console/#access_token=" + token + "&state=st-8f3a");
            waiting(d).until(ExpectedConditions.textToBePresentInElementLocated(By.id("who"), "officer-x"));
            assertThat(((JavascriptExecutor) d).executeScript("return sessionStorage.getItem('livemod.signinState')"))
                    .as("used once")
                    .isNull();
        });
    }

    @Test
    void aModeratorSeesAFlagArriveLiveAndDecidesIt() throws Exception {
        Browser.use("moderator", d -> {
            signIn(d, "button[data-role=moderator][data-platform=demo-gapo]");
            waiting(d).until(ExpectedConditions.textToBePresentInElementLocated(By.id("live-state"), "●"));

            String text = "Vào nhà cái uy tín số một " + System.nanoTime();
            ingest("[{\"id\":\"console-1\",\"streamId\":\"live-9\",\"userId\":\"u-9\",\"text\":\"" + text
                    + "\",\"ts\":\"2026-11-28T20:00:00+07:00\"}]");

            By flagRow = By.xpath("//tbody[@id='flag-rows']/tr[contains(., '" + text + "')]");
            waiting(d).until(ExpectedConditions.presenceOfElementLocated(flagRow));
            assertThat(ConsoleBrowserTest.<String>onFresh(
                            d, flagRow, (WebElement r) -> r.findElement(By.tagName("mark"))
                                    .getText()))
                    .isEqualToIgnoringCase("nhà cái");
            String flagId = onFresh(d, flagRow, r -> r.getAttribute("data-id"));
            onFresh(d, flagRow, r -> {
                r.click();
                return true;
            });
            waiting(d)
                    .until(ExpectedConditions.elementToBeClickable(By.id("claim")))
                    .click();
            waiting(d).until(ExpectedConditions.textToBePresentInElementLocated(By.id("toast"), "Đã nhận"));
            // The claimed flag stays in the queue (open + claimed) and can be decided with the keyboard.
            waiting(d)
                    .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr[data-id='" + flagId + "']")));
            d.findElement(By.tagName("body")).sendKeys("r");
            String token = stack.gateway()
                    .gateway()
                    .auth()
                    .devToken("check", Principal.Role.MODERATOR, Platforms.DEMO_GAPO, 5);
            await().atMost(10, TimeUnit.SECONDS).until(() -> "decided"
                    .equals(get("/v1/flags/" + flagId, token).getString("status")));
        });
    }

    @Test
    void anOfficerSeesAnAlertAndAcknowledgesIt() throws Exception {
        String alertId = "console-alert-" + System.nanoTime();
        publish(Alert.builder(alertId, Alert.Kind.INCIDENT).stream(Platforms.DEMO_VNG, "live-7")
                .category("gambling_ads")
                .severity(Severity.CRITICAL)
                .summary("Quảng cáo cờ bạc dồn dập trên live-7")
                .count(12)
                .distinctUsers(9)
                .seen(1_000, 2_000)
                .userIds(List.of("u-1"))
                .rulesVersion("v1")
                .state(Alert.State.OPEN)
                .detectedAt(2_000)
                .build());
        Browser.use("officer", d -> {
            signIn(d, "button[data-role=officer]");
            By alertRow = By.cssSelector("tr[data-id='" + alertId + "']");
            waiting(d).until(ExpectedConditions.presenceOfElementLocated(alertRow));
            assertThat(ConsoleBrowserTest.<String>onFresh(d, alertRow, WebElement::getText))
                    .contains("critical");
            onFresh(d, alertRow, r -> {
                r.click();
                return true;
            });
            waiting(d)
                    .until(ExpectedConditions.elementToBeClickable(By.id("alert-note")))
                    .sendKeys("đã liên hệ nền tảng");
            d.findElement(By.id("ack")).click();
            String token = stack.gateway().gateway().auth().devToken("check", Principal.Role.OFFICER, null, 5);
            await().atMost(10, TimeUnit.SECONDS).until(() -> "acked"
                    .equals(get("/v1/alerts/" + alertId, token).getString("status")));

            d.findElement(By.cssSelector("[role=tab][data-tab=report]")).click();
            waiting(d)
                    .until(ExpectedConditions.elementToBeClickable(By.cssSelector("#report-form button.primary")))
                    .click();
            waiting(d).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#report-body h3")));
            assertThat(d.findElement(By.id("report-body")).getText()).contains("Flags by platform and category");
        });
    }

    @Test
    void anAdminBacktestsTheEditedRuleSetOnTheCommentsReceived() throws Exception {
        String text = "hay vl quá " + System.nanoTime();
        ingest("[{\"id\":\"console-bt\",\"streamId\":\"live-3\",\"userId\":\"u-3\",\"text\":\"" + text
                + "\",\"ts\":\"2026-11-28T20:00:00+07:00\"}]");
        Browser.use("admin-backtest", d -> {
            signIn(d, "button[data-role=admin]");
            waiting(d)
                    .until(ExpectedConditions.textMatches(
                            By.id("rules-source"), java.util.regex.Pattern.compile("profanity-intensifier")));
            // The candidate: the live pack with the intensifiers back in shadow.
            ((JavascriptExecutor) d)
                    .executeScript(
                            "const el = document.getElementById('rules-source');"
                                    + "el.value = el.value.replace(/version: \"[^\"]*\"/, 'version: \"console-bt\"')"
                                    + ".replace('- id: profanity-intensifier\\n', '- id: profanity-intensifier\\n    state: shadow\\n');");
            d.findElement(By.id("bt-platform")).sendKeys(Platforms.DEMO_GAPO);
            // The comment is on the topic once the gateway answered 202; the backtest reads it from there.
            waiting(d)
                    .until(ExpectedConditions.elementToBeClickable(By.id("bt-run")))
                    .click();
            WebElement row = waiting(d)
                    .until(ExpectedConditions.presenceOfElementLocated(
                            By.cssSelector("#bt-rows tr[data-rule='profanity-intensifier']")));
            assertThat(row.getText()).contains("live → shadow").contains("−1");
            assertThat(d.findElement(By.id("bt-summary")).getText()).contains("console-bt");
            assertThat(d.findElement(By.id("bt-out")).getText()).contains("profanity-intensifier");
        });
    }

    @Test
    void theConsoleLinksToTheApiPageWhichRendersTheDocumentFromTheGatewayAlone() throws Exception {
        Browser.use("api-docs", d -> {
            d.get(base + "/console/");
            waiting(d)
                    .until(ExpectedConditions.elementToBeClickable(By.id("api-docs")))
                    .click();
            // Swagger UI has read /openapi.yaml: the operations are listed by tag and operationId.
            waiting(d).until(ExpectedConditions.presenceOfElementLocated(By.id("operations-moderators-listFlags")));
            assertThat(d.getCurrentUrl()).isEqualTo(base + "/docs");
            assertThat(d.findElement(By.cssSelector(".info .title")).getText()).contains("Livemod API");
            assertThat(d.findElements(By.cssSelector(".opblock-tag"))).hasSize(5);
            Object elsewhere = ((JavascriptExecutor) d)
                    .executeScript("return performance.getEntriesByType('resource')"
                            + ".map(e => e.name).filter(n => !n.startsWith(location.origin + '/'))");
            assertThat((List<?>) elsewhere)
                    .as("files the page loaded from elsewhere")
                    .isEmpty();
        });
    }

    static void ingest(String body) throws Exception {
        long ts = Clock.systemUTC().instant().getEpochSecond();
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> r = HTTP.send(
                HttpRequest.newBuilder(URI.create(base + "/v1/ingest/comments"))
                        .header("Content-Type", "application/json")
                        .header("X-Livemod-Platform", Platforms.DEMO_GAPO)
                        .header("X-Livemod-Timestamp", Long.toString(ts))
                        .header(
                                "X-Livemod-Signature",
                                RequestSignature.v2(
                                        Platforms.DEMO_SECRETS.get(Platforms.DEMO_GAPO),
                                        ts,
                                        "POST",
                                        "/v1/ingest/comments",
                                        bytes))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
    }

    static JsonObject get(String path, String token) throws Exception {
        HttpResponse<String> r = HTTP.send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("Authorization", "Bearer " + token)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return r.statusCode() == 200 ? new JsonObject(r.body()) : new JsonObject();
    }

    static void publish(Alert a) throws Exception {
        try (KafkaProducer<String, Alert> p = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrap()),
                Topics.ALERTS.key().serializer(),
                Topics.ALERTS.value().serializer())) {
            p.send(new ProducerRecord<>(Topics.ALERTS.name(), a.alertId(), a)).get(10, TimeUnit.SECONDS);
        }
    }
}
