package io.kubeai.gitops.finetune.http;

import io.kubeai.gitops.finetune.ApiException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * Bearer-token auth. Keys are compared as SHA-256 digests in constant time, so neither the key's length
 * nor how much of it matched shows in the response time.
 */
final class ApiKeys {
    private final List<byte[]> digests;

    ApiKeys(List<String> keys) {
        this.digests = keys.stream().map(ApiKeys::digest).toList();
    }

    void check(String authorization) throws ApiException {
        if (authorization == null || authorization.isBlank()) {
            throw ApiException.unauthorized("You didn't provide an API key. Send it as 'Authorization: Bearer KEY'.");
        }
        if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw ApiException.unauthorized("Send the API key as 'Authorization: Bearer KEY'.");
        }
        byte[] given = digest(authorization.substring(7).strip());
        boolean match = false;
        for (byte[] digest : digests) {
            match |= MessageDigest.isEqual(digest, given);
        }
        if (!match) {
            throw ApiException.unauthorized("Incorrect API key provided.");
        }
    }

    private static byte[] digest(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
