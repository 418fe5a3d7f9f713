package io.kubeai.gitops.testing.hf;

import java.time.Duration;
import java.util.Objects;

/**
 * A fault the {@link HfTestServer} injects into matching requests.
 *
 * <p>Build one with a factory ({@link #status}, {@link #tooManyRequests}, {@link #resetAfter},
 * {@link #truncateAfter}, {@link #corruptBody}, {@link #delay}), narrow it with {@link #onFile} or
 * {@link #onPath}, and say how many matching requests get it with {@link #times} (default 1) or
 * {@link #always}. Faults are tried in the order they were added; the first that matches and has
 * uses left applies.
 *
 * @param kind what happens
 * @param status the HTTP status for {@link Kind#STATUS}
 * @param retryAfter the {@code Retry-After} value for a status fault, or null for none
 * @param afterBytes body bytes sent before a reset or truncation
 * @param delay how long to stall before answering, for {@link Kind#DELAY}
 * @param fileGlob glob over the repository file path of a download, or null for any request
 * @param pathGlob glob over the request path (decoded), or null for any request
 * @param times how many matching requests get the fault; negative means every one
 */
public record Fault(
        Kind kind,
        int status,
        Duration retryAfter,
        long afterBytes,
        Duration delay,
        String fileGlob,
        String pathGlob,
        int times) {

    /** What the fault does to a request. */
    public enum Kind {
        /** Answer with an error status (and maybe {@code Retry-After}) instead of the resource. */
        STATUS,
        /** Send {@code afterBytes} of the body, then reset the connection (TCP RST). */
        RESET,
        /** Send {@code afterBytes} of the body, then close the connection cleanly (short body). */
        TRUNCATE,
        /** Send the whole body with one byte flipped in the middle. */
        CORRUPT,
        /** Stall for {@code delay} before answering normally. */
        DELAY
    }

    public Fault {
        Objects.requireNonNull(kind, "kind");
    }

    /** Answers matching requests with {@code code}. */
    public static Fault status(int code) {
        return new Fault(Kind.STATUS, code, null, 0, null, null, null, 1);
    }

    /** Answers matching requests with 429 and a {@code Retry-After} in whole seconds. */
    public static Fault tooManyRequests(Duration retryAfter) {
        return new Fault(Kind.STATUS, 429, retryAfter, 0, null, null, null, 1);
    }

    /** Resets the connection after {@code bytes} of the body. */
    public static Fault resetAfter(long bytes) {
        return new Fault(Kind.RESET, 0, null, bytes, null, null, null, 1);
    }

    /** Closes the connection after {@code bytes} of the body, short of its Content-Length. */
    public static Fault truncateAfter(long bytes) {
        return new Fault(Kind.TRUNCATE, 0, null, bytes, null, null, null, 1);
    }

    /** Sends a body of the right length with wrong bytes. */
    public static Fault corruptBody() {
        return new Fault(Kind.CORRUPT, 0, null, 0, null, null, null, 1);
    }

    /** Stalls before answering. */
    public static Fault delay(Duration delay) {
        return new Fault(Kind.DELAY, 0, null, 0, delay, null, null, 1);
    }

    /** Restricts the fault to downloads ({@code resolve}) of repository files matching {@code glob}. */
    public Fault onFile(String glob) {
        return new Fault(kind, status, retryAfter, afterBytes, delay, glob, pathGlob, times);
    }

    /** Restricts the fault to requests whose decoded path matches {@code glob}, e.g. {@code /api/**}. */
    public Fault onPath(String glob) {
        return new Fault(kind, status, retryAfter, afterBytes, delay, fileGlob, glob, times);
    }

    /** Applies the fault to the first {@code n} matching requests. */
    public Fault times(int n) {
        return new Fault(kind, status, retryAfter, afterBytes, delay, fileGlob, pathGlob, n);
    }

    /** Applies the fault to every matching request. */
    public Fault always() {
        return times(-1);
    }
}
