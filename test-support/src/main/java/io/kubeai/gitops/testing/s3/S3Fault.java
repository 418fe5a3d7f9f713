package io.kubeai.gitops.testing.s3;

import java.util.Objects;

/**
 * A fault the {@link S3TestServer} injects into matching object operations.
 *
 * @param kind what happens
 * @param status the HTTP status for {@link Kind#STATUS}
 * @param afterBytes body bytes sent before {@link Kind#RESET}
 * @param operation the operation it applies to ({@code GET}, {@code HEAD}, {@code PUT},
 *     {@code UPLOAD_PART}, {@code COMPLETE}), or null for any
 * @param keyGlob a glob over object keys ({@code *} within a segment, {@code **} across), or null
 * @param times how many matching operations get it; negative means every one
 */
public record S3Fault(Kind kind, int status, long afterBytes, String operation, String keyGlob, int times) {

    /** What the fault does. */
    public enum Kind {
        /** Answer with an error status (e.g. 500, 503). */
        STATUS,
        /** Send {@code afterBytes} of a GET's body, then break the connection. */
        RESET
    }

    public S3Fault {
        Objects.requireNonNull(kind, "kind");
    }

    /** Answers matching operations with {@code code}. */
    public static S3Fault status(int code) {
        return new S3Fault(Kind.STATUS, code, 0, null, null, 1);
    }

    /** Breaks matching GETs after {@code bytes} of the body. */
    public static S3Fault resetAfter(long bytes) {
        return new S3Fault(Kind.RESET, 0, bytes, "GET", null, 1);
    }

    /** Restricts the fault to one operation. */
    public S3Fault on(String op) {
        return new S3Fault(kind, status, afterBytes, op, keyGlob, times);
    }

    /** Restricts the fault to keys matching {@code glob}. */
    public S3Fault onKey(String glob) {
        return new S3Fault(kind, status, afterBytes, operation, glob, times);
    }

    /** Applies the fault to the first {@code n} matching operations. */
    public S3Fault times(int n) {
        return new S3Fault(kind, status, afterBytes, operation, keyGlob, n);
    }

    /** Applies the fault to every matching operation. */
    public S3Fault always() {
        return times(-1);
    }
}
