package io.livemod.topology;

import io.livemod.event.Alert;
import io.livemod.event.Flag;

/**
 * What a stateful processor found: a flag for the platform's moderators, an alert for the ministry,
 * or a campaign sighting to pass on. Exactly one is set; the topology routes each to its topic.
 */
record Finding(Flag flag, Alert alert, Sighting sighting) {
    static Finding of(Flag f) {
        return new Finding(f, null, null);
    }

    static Finding of(Alert a) {
        return new Finding(null, a, null);
    }

    static Finding of(Sighting s) {
        return new Finding(null, null, s);
    }
}
