package io.kubeai.gitops.testing.gcs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.Signature;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * The OAuth endpoint's JWT-bearer grant (RFC 7523) as Google runs it for service-account keys: the
 * assertion must be signed (RS256) by a key the server issued, for its token endpoint, unexpired,
 * asking for a Cloud Storage scope.
 */
final class TokenGrants {
    private static final ObjectMapper JSON = new ObjectMapper();

    private TokenGrants() {}

    static void jwtBearer(GcsTestServer server, HttpExchange ex, Map<String, KeyPair> accounts) throws IOException {
        Map<String, String> form = new HashMap<>();
        for (String pair : new String(ex.getRequestBody().readAllBytes(), StandardCharsets.US_ASCII).split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        if (!"urn:ietf:params:oauth:grant-type:jwt-bearer".equals(form.get("grant_type"))) {
            refuse(ex, "unsupported_grant_type", "grant_type must be jwt-bearer");
            return;
        }
        String[] jwt = form.getOrDefault("assertion", "").split("\\.");
        if (jwt.length != 3) {
            refuse(ex, "invalid_request", "the assertion is not a JWT");
            return;
        }
        JsonNode header = JSON.readTree(Base64.getUrlDecoder().decode(jwt[0]));
        JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(jwt[1]));
        KeyPair key = accounts.get(claims.path("iss").asText());
        long now = System.currentTimeMillis() / 1000;
        if (!"RS256".equals(header.path("alg").asText()) || key == null) {
            refuse(ex, "invalid_grant", "Invalid JWT Signature.");
        } else if (!verify(key, jwt[0] + "." + jwt[1], Base64.getUrlDecoder().decode(jwt[2]))) {
            refuse(ex, "invalid_grant", "Invalid JWT Signature.");
        } else if (!claims.path("aud").asText().equals(server.endpoint() + "/token")) {
            refuse(ex, "invalid_grant", "Invalid JWT: audience");
        } else if (claims.path("exp").asLong() < now || claims.path("iat").asLong() > now + 60) {
            refuse(ex, "invalid_grant", "Invalid JWT: Token must be a short-lived token and in a reasonable timeframe");
        } else if (!claims.path("scope").asText().contains("https://www.googleapis.com/auth/devstorage")) {
            refuse(ex, "invalid_scope", "no Cloud Storage scope");
        } else {
            GcsTestServer.sendJson(ex, 200, server.issueToken());
        }
    }

    private static boolean verify(KeyPair key, String signed, byte[] signature) {
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initVerify(key.getPublic());
            rsa.update(signed.getBytes(StandardCharsets.US_ASCII));
            return rsa.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static void refuse(HttpExchange ex, String error, String description) throws IOException {
        ObjectNode body = JSON.createObjectNode().put("error", error).put("error_description", description);
        GcsTestServer.sendJson(ex, 400, body);
    }
}
