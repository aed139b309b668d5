package io.livemod.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.livemod.event.Alert;
import io.livemod.event.ClaimRecord;
import io.livemod.event.Flag;
import io.livemod.event.StreamEvent;
import io.livemod.rules.Severity;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** False claims through the whole topology: registry (global store), flags, and the per-claim alert. */
class ClaimTopologyTest {
    static final ClaimRecord VACCINE = claim("c-vaccine", "Vắc xin Covid gây vô sinh ở phụ nữ trẻ", "critical");
    static final ClaimRecord BANK =
            claim("c-bank", "Ngân hàng Sài Gòn Thương Tín sắp phá sản, người gửi tiền sẽ mất trắng", "high");

    static ClaimRecord claim(String id, String text, String severity) {
        return ClaimRecord.builder(id, 1)
                .text(text)
                .source("Trung tâm kiểm chứng")
                .verdict("false")
                .date("2026-11-20")
                .category("vaccine")
                .severity(Severity.fromWire(severity))
                .origin(ClaimRecord.Origin.OFFICER)
                .createdBy("officer-1")
                .createdAt(Harness.START.toEpochMilli())
                .build();
    }

    /** A stream that started {@code second}s after START, by {@code streamer}, on platform p1. */
    static StreamEvent started(
            String id, String stream, String streamer, String title, String description, int second) {
        return StreamEvent.builder("p1", id, StreamEvent.Type.STARTED)
                .streamId(stream)
                .streamerId(streamer)
                .title(title)
                .description(description)
                .receivedAt(Harness.START.plusSeconds(second).toEpochMilli())
                .build();
    }

    @Test
    void aParaphraseIsFlaggedWithItsClaimAndTheTopicAloneIsNot() {
        try (Harness h = new Harness()) {
            h.send(VACCINE);
            h.send(BANK);
            h.send(Harness.comment(
                    "p1",
                    "s1",
                    "u1",
                    "m1",
                    "vaccine covid lam phu nu tre bi vo sinh do, share gap",
                    Duration.ofSeconds(1)));
            h.send(Harness.comment(
                    "p1", "s1", "u2", "m2", "hôm qua mình đi tiêm vắc xin covid mũi 3 rồi", Duration.ofSeconds(2)));
            h.send(Harness.comment(
                    "p1", "s1", "u3", "m3", "vắc xin covid không gây vô sinh đâu mọi người", Duration.ofSeconds(3)));

            List<Flag> flags = h.flags(ClaimFlagger.KIND);
            assertThat(flags).singleElement().satisfies(f -> {
                assertThat(f.commentId()).isEqualTo("m1");
                assertThat(f.claimId()).isEqualTo("c-vaccine");
                assertThat(f.score()).isBetween(0.7, 1.0);
                assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
                assertThat(f.category()).isEqualTo("fake_news");
                assertThat(f.matches().get(0).term()).contains("c-vaccine");
            });
        }
    }

    @Test
    void theAlertTellsWhereHowFastAndWhoAcrossPlatforms() {
        try (Harness h = new Harness()) {
            h.send(BANK);
            h.send(Harness.comment(
                    "p1",
                    "s1",
                    "u1",
                    "m1",
                    "ngân hàng sài gòn thương tín phá sản rồi, người gửi tiền mất trắng",
                    Duration.ofSeconds(1)));
            List<Alert> first = h.alerts(Alert.Kind.FALSE_CLAIM);
            assertThat(first).singleElement().satisfies(a -> {
                assertThat(a.claimId()).isEqualTo("c-bank");
                assertThat(a.count()).isEqualTo(1);
                assertThat(a.platform()).isNull();
            });

            h.send(Harness.comment(
                    "p2",
                    "s9",
                    "u7",
                    "m2",
                    "ngan hang sai gon thuong tin sap pha san, gui tien la mat trang",
                    Duration.ofSeconds(70)));
            h.send(Harness.comment(
                    "p2",
                    "s9",
                    "u8",
                    "m3",
                    "rút tiền đi, Ngân hàng Sài Gòn Thương Tín phá sản, người gửi tiền mất trắng",
                    Duration.ofSeconds(75)));
            assertThat(h.flags(ClaimFlagger.KIND)).hasSize(3);
            h.advance(Duration.ofSeconds(6)); // the wall-clock tick (alertInterval) emits the growth
            Alert grown = h.alerts(Alert.Kind.FALSE_CLAIM)
                    .get(h.alerts(Alert.Kind.FALSE_CLAIM).size() - 1);
            assertThat(grown.alertId()).isEqualTo(first.get(0).alertId());
            assertThat(grown.count()).isEqualTo(3);
            assertThat(grown.platforms()).containsExactly("p1", "p2");
            assertThat(grown.streams()).containsExactly("p1/s1", "p2/s9");
            assertThat(grown.userIds()).containsExactly("p1/u1", "p2/u7", "p2/u8");
            assertThat(grown.perMinute()).extracting(Alert.MinuteCount::count).containsExactly(1L, 2L);
            assertThat(grown.firstSeen()).isEqualTo(Harness.START.plusSeconds(1).toEpochMilli());
            assertThat(grown.lastSeen()).isEqualTo(Harness.START.plusSeconds(75).toEpochMilli());
            assertThat(grown.samples()).extracting(Flag::commentId).containsExactly("m1", "m2", "m3");

            // An hour and a half later (event time): the per-minute counts cover the last hour only.
            h.send(Harness.comment(
                    "p1",
                    "s2",
                    "u9",
                    "m4",
                    "ngân hàng sài gòn thương tín phá sản, người gửi tiền mất trắng",
                    Duration.ofMinutes(90)));
            h.advance(Duration.ofSeconds(6));
            Alert later = h.alerts(Alert.Kind.FALSE_CLAIM)
                    .get(h.alerts(Alert.Kind.FALSE_CLAIM).size() - 1);
            assertThat(later.count()).isEqualTo(4);
            assertThat(later.perMinute())
                    .containsExactly(new Alert.MinuteCount(
                            Harness.START.plusSeconds(5400).toEpochMilli(), 1));

            h.advance(ClaimAlertProcessor.IDLE);
            assertThat(h.alerts(Alert.Kind.FALSE_CLAIM)
                            .get(h.alerts(Alert.Kind.FALSE_CLAIM).size() - 1)
                            .state())
                    .isEqualTo(Alert.State.CLOSED);
        }
    }

    @Test
    void streamTitlesAreMatchedAndClaimsRegisteredLaterCountAfterTheRebuild() {
        try (Harness h = new Harness()) {
            h.send(BANK);
            h.send(Harness.comment(
                    "p1", "s1", "u1", "m1", "vắc xin covid gây vô sinh ở phụ nữ trẻ", Duration.ofSeconds(1)));
            assertThat(h.flags(ClaimFlagger.KIND)).isEmpty();
            h.send(VACCINE);
            h.advance(Duration.ofMillis(ClaimRegistry.REBUILD_MS));
            // The next texts start a rebuild in the background and are matched against the index it replaces.
            await().atMost(Duration.ofSeconds(30)).pollInSameThread().until(() -> {
                h.send(started("e1", "s2", "streamer-1", "Sự thật: vắc xin covid gây vô sinh ở phụ nữ trẻ", null, 2));
                return !h.flags(ClaimFlagger.KIND).isEmpty();
            });
            assertThat(h.flags(ClaimFlagger.KIND)).singleElement().satisfies(f -> {
                assertThat(f.claimId()).isEqualTo("c-vaccine");
                assertThat(f.commentId()).isNull();
                assertThat(f.userId()).isEqualTo("streamer-1");
            });
        }
    }

    @Test
    void aStreamsDescriptionIsMatchedOnItsOwn() {
        try (Harness h = new Harness()) {
            h.send(VACCINE);
            h.send(started(
                    "e1",
                    "s3",
                    "streamer-2",
                    "Tâm sự đêm khuya cùng cả nhà",
                    "Chia sẻ: vắc xin covid gây vô sinh ở phụ nữ trẻ, ai cũng nên biết",
                    1));
            h.send(started(
                    "e2",
                    "s4",
                    "streamer-3",
                    "Vắc xin covid gây vô sinh ở phụ nữ trẻ",
                    "Live không hẹn giờ, không bán hàng",
                    2));
            h.send(started(
                    "e3", "s5", "streamer-4", "Bán hàng online", "Hôm nay tiêm vắc xin covid mũi 3 cho cả nhà", 3));
            assertThat(h.flags(ClaimFlagger.KIND)).extracting(Flag::streamId).containsExactlyInAnyOrder("s3", "s4");
            assertThat(h.flags(ClaimFlagger.KIND))
                    .filteredOn(f -> f.streamId().equals("s3"))
                    .singleElement()
                    .satisfies(f -> assertThat(f.text()).startsWith("Chia sẻ"));
        }
    }
}
