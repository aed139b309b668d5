package io.livemod.topology;

import io.livemod.event.Alert;
import io.livemod.event.Flag;
import io.livemod.rules.Severity;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** One open incident (flags of one platform, stream and category) and the alert it reads as. */
final class Incidents {
    /** User ids an incident alert lists; the distinct count goes on to {@code maxTrackedUsers}. */
    static final int LISTED_USERS = 50;

    private Incidents() {}

    /**
     * Mutable incident state, kept in binary inside the stream's {@link StreamWatch}. Its cost per
     * flag does not grow with the incident: distinct users are counted against the incident-user
     * store, the listed users and samples stay encoded until an alert is emitted.
     *
     * <p>Its layout inside {@link StreamWatch} (big-endian; UTF as {@link DataOutputStream#writeUTF};
     * a blob is an int length, then that many bytes of JSON):
     *
     * <pre>
     *   field           type
     *   alertId         UTF
     *   category        UTF, wire name
     *   severity        UTF, wire name
     *   count           long
     *   distinctUsers   long
     *   trackedUsers    int
     *   firstSeen       long, epoch ms
     *   lastSeen        long, epoch ms
     *   rulesVersion    UTF
     *   dirty           boolean
     *   criticalSent    boolean
     *   reported        boolean
     *   updatedWall     long, epoch ms
     *   listedUsers     int: how many user ids follow
     *   users           int n, then n bytes: listedUsers UTF user ids
     *   samples         int n, then n blobs: sample flags' JSON
     * </pre>
     */
    static final class Incident {
        String alertId;
        String category;
        Severity severity = Severity.LOW;
        long count;
        long distinctUsers;
        int trackedUsers;
        long firstSeen = Long.MAX_VALUE;
        long lastSeen;
        String rulesVersion = "";
        boolean dirty;
        boolean criticalSent;
        /** Whether the ministry has heard of this incident: from then on its growth and its closing are sent. */
        boolean reported;

        long updatedWall;
        int listedUsers;
        byte[] users = new byte[0]; // the first LISTED_USERS user ids, each as writeUTF
        final List<JsonBlob<Flag>> samples = new ArrayList<>();

        /**
         * @param newUser whether the flag's user was not yet counted for this incident
         * @return whether this flag makes the incident critical for the first time
         */
        boolean add(Flag f, boolean newUser, TopologySettings settings, long now) {
            if (alertId == null)
                alertId = Flags.alertId("incident", f.platform(), f.streamId(), f.category(), f.flagId());
            category = f.category();
            severity = Severity.max(severity, f.severity());
            count++;
            if (newUser) {
                distinctUsers++; // exact up to maxTrackedUsers, a lower bound beyond
                if (trackedUsers < settings.maxTrackedUsers()) trackedUsers++;
                if (listedUsers < LISTED_USERS) listUser(f.userId());
            }
            firstSeen = Math.min(firstSeen, f.receivedAt());
            lastSeen = Math.max(lastSeen, f.receivedAt());
            if (samples.size() < settings.samples()) samples.add(JsonBlob.of(Flag.class, f));
            rulesVersion = f.rulesVersion();
            dirty = true;
            updatedWall = now;
            boolean firstCritical = severity == Severity.CRITICAL && !criticalSent;
            if (firstCritical) criticalSent = true;
            return firstCritical;
        }

        /**
         * Whether this incident is signal enough for the ministry: a critical flag, or at least
         * {@code incidentMinFlags} flags from {@code incidentMinUsers} users at medium severity or worse.
         * A low-severity flag now and then (a phone number, a mild word) is the platform's business.
         */
        boolean reportable(TopologySettings settings) {
            if (reported || severity == Severity.CRITICAL) return true;
            return severity.compareTo(Severity.MEDIUM) >= 0
                    && count >= settings.incidentMinFlags()
                    && distinctUsers >= settings.incidentMinUsers();
        }

        /** Whether a user not yet counted would be remembered (so counted once) rather than only counted. */
        boolean tracksMore(TopologySettings settings) {
            return trackedUsers < settings.maxTrackedUsers();
        }

        private void listUser(String userId) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(users.length + userId.length() + 2);
            try (DataOutputStream data = new DataOutputStream(out)) {
                data.write(users);
                data.writeUTF(userId);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            users = out.toByteArray();
            listedUsers++;
        }

        List<String> users() {
            List<String> ids = new ArrayList<>(listedUsers);
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(users))) {
                for (int i = 0; i < listedUsers; i++) ids.add(in.readUTF());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return ids;
        }

        Alert alert(String platform, String streamId, Alert.State state, long now) {
            String summary = count + " " + category + " flag" + (count == 1 ? "" : "s") + " from " + distinctUsers
                    + " user" + (distinctUsers == 1 ? "" : "s") + " in stream " + streamId;
            return Alert.builder(alertId, Alert.Kind.INCIDENT).stream(platform, streamId)
                    .category(category)
                    .severity(severity)
                    .summary(summary)
                    .count(count)
                    .distinctUsers(distinctUsers)
                    .seen(firstSeen, lastSeen)
                    .userIds(users())
                    .samples(samples.stream().map(JsonBlob::get).toList())
                    .rulesVersion(rulesVersion)
                    .state(state)
                    .detectedAt(now)
                    .build();
        }

        void write(DataOutputStream out) throws IOException {
            out.writeUTF(alertId);
            out.writeUTF(category);
            out.writeUTF(severity.wire());
            out.writeLong(count);
            out.writeLong(distinctUsers);
            out.writeInt(trackedUsers);
            out.writeLong(firstSeen);
            out.writeLong(lastSeen);
            out.writeUTF(rulesVersion);
            out.writeBoolean(dirty);
            out.writeBoolean(criticalSent);
            out.writeBoolean(reported);
            out.writeLong(updatedWall);
            out.writeInt(listedUsers);
            out.writeInt(users.length);
            out.write(users);
            out.writeInt(samples.size());
            for (JsonBlob<Flag> s : samples) s.write(out);
        }

        static Incident read(DataInputStream in) throws IOException {
            Incident i = new Incident();
            i.alertId = in.readUTF();
            i.category = in.readUTF();
            i.severity = Severity.fromWire(in.readUTF());
            i.count = in.readLong();
            i.distinctUsers = in.readLong();
            i.trackedUsers = in.readInt();
            i.firstSeen = in.readLong();
            i.lastSeen = in.readLong();
            i.rulesVersion = in.readUTF();
            i.dirty = in.readBoolean();
            i.criticalSent = in.readBoolean();
            i.reported = in.readBoolean();
            i.updatedWall = in.readLong();
            i.listedUsers = in.readInt();
            i.users = in.readNBytes(in.readInt());
            for (int n = in.readInt(); n > 0; n--) i.samples.add(JsonBlob.read(in, Flag.class));
            return i;
        }
    }

    static Alert withState(Alert a, Alert.State state, long now) {
        return a.toBuilder().state(state).detectedAt(now).build();
    }

    static String abbreviate(String text) {
        if (text == null) return "";
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }
}
