package io.livemod.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TopicSizingTest {
    @Test
    void shortNamesOverrideTheRegistrysCounts() {
        assertThat(TopicSizing.parse("comments=4, flags=2,campaign-sightings=2"))
                .containsEntry("comments", 4)
                .containsEntry("flags", 2)
                .containsEntry("campaign-sightings", 2)
                .hasSize(3);
        assertThat(TopicSizing.parse(" ")).isEmpty();
        assertThat(TopicSizing.parse("claims=1,claim-sightings=2"))
                .containsEntry("claims", 1)
                .containsEntry("claim-sightings", 2);
        assertThat(TopicSizing.parse("comments=4,,flags=2,"))
                .containsEntry("comments", 4)
                .containsEntry("flags", 2)
                .hasSize(2);
        assertThat(TopicSizing.shortName(Topics.ALERT_ACTIONS.name())).isEqualTo("alert-actions");
    }

    @Test
    void aRefusedEntryNamesTheVariableAndTheEntry() {
        assertThatThrownBy(() -> TopicSizing.parse("comment=4"))
                .hasMessage("LIVEMOD_TOPIC_PARTITIONS: unknown topic 'comment' in 'comment=4'");
        assertThatThrownBy(() -> TopicSizing.parse("comments=0"))
                .hasMessage("LIVEMOD_TOPIC_PARTITIONS: 'comments=0' needs a partition count 1..1000");
        assertThatThrownBy(() -> TopicSizing.parse("comments")).hasMessageContaining("needs a partition count");
    }

    @Test
    void withoutOverridesTheRegistryDecides() {
        String before = System.getProperty(TopicSizing.PROPERTY);
        try {
            System.setProperty(TopicSizing.PROPERTY, "flags=2");
            assertThat(TopicSizing.partitions(Topics.FLAGS)).isEqualTo(2);
            assertThat(TopicSizing.partitions(Topics.ALERTS)).isEqualTo(Topics.ALERTS.partitions());
            assertThat(TopicSizing.campaignSightings()).isEqualTo(6);
            assertThat(TopicSizing.claimSightings()).isEqualTo(3);
        } finally {
            if (before == null) System.clearProperty(TopicSizing.PROPERTY);
            else System.setProperty(TopicSizing.PROPERTY, before);
        }
    }
}
