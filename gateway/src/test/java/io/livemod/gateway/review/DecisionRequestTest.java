package io.livemod.gateway.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.livemod.event.Decision;
import org.junit.jupiter.api.Test;

/** The decision body is parsed once, at the edge, into a {@link Decision.Action}; only the contract's words pass. */
class DecisionRequestTest {
    @Test
    void aContractWordBecomesItsAction() throws Exception {
        assertThat(DecisionRequest.parse("{\"action\":\"timeout\",\"durationSeconds\":60}"))
                .isEqualTo(new DecisionRequest(Decision.Action.TIMEOUT, null, 60L));
        assertThat(DecisionRequest.parse("{\"action\":\"escalate\",\"note\":\"xem lại\"}")
                        .action())
                .isEqualTo(Decision.Action.ESCALATE);
    }

    @Test
    void anyOtherWordIsRefusedNamingTheField() {
        for (String body : new String[] {
            "{\"action\":\"delete\"}", "{\"action\":\"Remove\"}", "{\"action\":\" ban\"}", "{\"action\":7}", "{}"
        }) {
            assertThatThrownBy(() -> DecisionRequest.parse(body))
                    .as(body)
                    .isInstanceOf(DecisionRequest.Invalid.class)
                    .hasMessage("action must be one of remove, dismiss, warn, timeout, ban, escalate")
                    .satisfies(
                            e -> assertThat(((DecisionRequest.Invalid) e).field).isEqualTo("action"));
        }
    }
}
