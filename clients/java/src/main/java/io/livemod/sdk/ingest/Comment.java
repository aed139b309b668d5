package io.livemod.sdk.ingest;

import java.time.Instant;
import java.util.Objects;

/**
 * A chat comment as the gateway takes it. Required: {@code id} (platform-unique, 1..128 characters),
 * {@code streamId}, {@code userId}, {@code text} (at most 2000 characters), {@code ts}. Optional
 * fields are {@code null} when absent. Checked here with the gateway's limits, so a bad comment
 * fails where it is made, naming the field.
 *
 * @param id        platform-unique comment id, kept across retries (the gateway dedupes on it)
 * @param streamId  the livestream
 * @param userId    the author's platform user id
 * @param userName  the author's display name, or {@code null}
 * @param text      the comment, at most 2000 characters
 * @param ts        when the platform received it
 * @param verified  whether the account is verified (Decree 147), or {@code null}
 * @param replyTo   the id of the comment answered, or {@code null}
 * @param accountCreatedAt when the author's account was created, or {@code null}: with it, Livemod
 *                  sees a burst of new accounts sending one text (coordination without a risky word)
 */
public record Comment(
        String id,
        String streamId,
        String userId,
        String userName,
        String text,
        Instant ts,
        Boolean verified,
        String replyTo,
        Instant accountCreatedAt)
        implements Event {
    /** Longest comment text the gateway takes. */
    public static final int MAX_TEXT = 2000;

    /** Checks the fields the gateway requires, naming the first one that is wrong. */
    public Comment {
        EventChecks.id(id, "id");
        EventChecks.text(streamId, "streamId");
        EventChecks.text(userId, "userId");
        Objects.requireNonNull(text, "text");
        if (text.length() > MAX_TEXT)
            throw new IllegalArgumentException("text: at most " + MAX_TEXT + " characters, got " + text.length());
        Objects.requireNonNull(ts, "ts");
        if (replyTo != null) EventChecks.id(replyTo, "replyTo");
    }

    /**
     * A comment with only the required fields.
     *
     * @param id       platform-unique id
     * @param streamId the livestream
     * @param userId   the author
     * @param text     the comment
     * @param ts       when the platform received it
     * @return the comment
     */
    public static Comment of(String id, String streamId, String userId, String text, Instant ts) {
        return new Comment(id, streamId, userId, null, text, ts, null, null, null);
    }

    /** @param name display name @return a copy with the author's display name */
    public Comment withUserName(String name) {
        return new Comment(id, streamId, userId, name, text, ts, verified, replyTo, accountCreatedAt);
    }

    /** @param isVerified verification state @return a copy saying whether the author's account is verified */
    public Comment withVerified(boolean isVerified) {
        return new Comment(id, streamId, userId, userName, text, ts, isVerified, replyTo, accountCreatedAt);
    }

    /** @param commentId the answered comment @return a copy answering another comment */
    public Comment withReplyTo(String commentId) {
        return new Comment(id, streamId, userId, userName, text, ts, verified, commentId, accountCreatedAt);
    }

    /** @param created when the author's account was created @return a copy that says so */
    public Comment withAccountCreatedAt(Instant created) {
        return new Comment(id, streamId, userId, userName, text, ts, verified, replyTo, created);
    }

    @Override
    public String kind() {
        return "comment";
    }
}
