package io.kubeai.gitops.hook.git;

import java.util.Locale;
import java.util.regex.Pattern;
import org.eclipse.jgit.transport.RemoteRefUpdate;

/**
 * How the server answered a push, boiled down to what the hook does next.
 *
 * @param result what to do: done, retry on the new head, or give up
 * @param detail the server's words, for the message when giving up
 */
public record PushOutcome(Result result, String detail) {

    /** The three ways a push can end. */
    public enum Result {
        /** The branch now points at our commit. */
        PUSHED,
        /** Someone else moved the branch first; fetch, re-apply and try again. */
        RACE_LOST,
        /** The server will not take it however often we try. */
        REFUSED
    }

    // A server that lost a compare-and-swap on the ref says so in its own words.
    private static final Pattern LOST_RACE = Pattern.compile(
            "lock|fetch first|non-fast-forward|stale|expected|old id|failed to update ref|cannot update ref");

    static PushOutcome of(RemoteRefUpdate.Status status, String message) {
        String detail = message == null ? status.name() : status.name() + ": " + message;
        return switch (status) {
            case OK, UP_TO_DATE -> new PushOutcome(Result.PUSHED, detail);
            case REJECTED_NONFASTFORWARD, REJECTED_REMOTE_CHANGED -> new PushOutcome(Result.RACE_LOST, detail);
            case REJECTED_OTHER_REASON ->
                message != null
                                && LOST_RACE
                                        .matcher(message.toLowerCase(Locale.ROOT))
                                        .find()
                        ? new PushOutcome(Result.RACE_LOST, detail)
                        : new PushOutcome(Result.REFUSED, detail);
            default -> new PushOutcome(Result.REFUSED, detail);
        };
    }
}
