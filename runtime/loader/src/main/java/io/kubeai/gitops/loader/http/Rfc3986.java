package io.kubeai.gitops.loader.http;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Percent-encoding of RFC 3986: everything but unreserved characters, '/' included. */
public final class Rfc3986 {
    private Rfc3986() {}

    /**
     * Encodes a query value or a single path segment, as SigV4 canonicalizes queries and as Cloud
     * Storage wants an object name that holds '/' in its path.
     */
    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8)
                .replace("+", "%20")
                .replace("*", "%2A")
                .replace("%7E", "~");
    }
}
