package io.kubeai.gitops.loader.source.gcs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kubeai.gitops.loader.api.LoaderEnv;
import io.kubeai.gitops.loader.api.LoaderException;
import io.kubeai.gitops.loader.api.LoaderException.Reason;
import io.kubeai.gitops.loader.http.Body;
import io.kubeai.gitops.loader.http.HttpResponse;
import io.kubeai.gitops.loader.http.HttpStatusException;
import io.kubeai.gitops.loader.http.HttpTransport;
import io.kubeai.gitops.loader.retry.NonRetryableException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * OAuth access tokens for Cloud Storage's JSON API, from the first of: a service-account key ({@code
 * GCS_SERVICE_ACCOUNT_KEY} holding the key's JSON, or {@code GOOGLE_APPLICATION_CREDENTIALS} naming
 * its file), exchanged for a token with a signed JWT; the metadata server ({@code GCE_METADATA_HOST},
 * default {@code metadata.google.internal}), which is how GKE's Workload Identity hands a pod its
 * service account's token; or none (a public bucket) when no metadata server answers.
 *
 * <p>A token is kept until five minutes before it expires, so a long load renews it between requests.
 */
final class GcsTokens {
    static final String SCOPE = "https://www.googleapis.com/auth/devstorage.read_only";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long MARGIN_SECONDS = 300;

    private final HttpTransport http;
    private final Optional<JsonNode> key;
    private final URI metadata;
    private String token;
    private long expiresAtNanos;
    private boolean anonymous;

    private GcsTokens(HttpTransport http, Optional<JsonNode> key, URI metadata) {
        this.http = http;
        this.key = key;
        this.metadata = metadata;
    }

    static GcsTokens of(LoaderEnv env, HttpTransport http) throws LoaderException {
        Optional<JsonNode> key = Optional.empty();
        Optional<String> inline = env.get("GCS_SERVICE_ACCOUNT_KEY");
        Optional<String> file = env.get("GOOGLE_APPLICATION_CREDENTIALS");
        if (inline.isPresent() || file.isPresent()) {
            String source =
                    inline.isPresent() ? "GCS_SERVICE_ACCOUNT_KEY" : "the file GOOGLE_APPLICATION_CREDENTIALS names";
            try {
                JsonNode k = JSON.readTree(inline.isPresent() ? inline.get() : Files.readString(Path.of(file.get())));
                if (!"service_account".equals(k.path("type").asText())
                        || k.path("client_email").asText().isEmpty()
                        || k.path("private_key").asText().isEmpty()) {
                    throw new LoaderException(
                            Reason.INPUT,
                            source + " is not a service-account key (type service_account with client_email and"
                                    + " private_key); create one with `gcloud iam service-accounts keys create`");
                }
                key = Optional.of(k);
            } catch (IOException e) {
                throw new LoaderException(
                        Reason.INPUT, "cannot read the service-account key in " + source + ": " + e.getMessage());
            }
        }
        String host = env.get("GCE_METADATA_HOST").orElse("metadata.google.internal");
        URI metadata = URI.create("http://" + host + "/computeMetadata/v1/instance/service-accounts/default/token");
        return new GcsTokens(http, key, metadata);
    }

    /** The {@code Authorization} header for the next request; none for anonymous access. */
    synchronized Map<String, String> header() throws IOException {
        if (anonymous) {
            return Map.of();
        }
        if (token == null || System.nanoTime() > expiresAtNanos) {
            JsonNode answer;
            try {
                answer = key.isPresent() ? fromKey(key.get()) : fromMetadata();
            } catch (HttpStatusException e) {
                if (!e.retryable()) {
                    throw new NonRetryableException(new LoaderException(
                            Reason.AUTH,
                            (key.isPresent()
                                            ? "the token endpoint refused the service-account key ("
                                            : "the metadata server gave no token for the pod's service account ("
                                                    + "is Workload Identity set up? ")
                                    + e.getMessage() + ")",
                            e));
                }
                throw e;
            }
            if (answer == null) {
                anonymous = true;
                return Map.of();
            }
            token = answer.path("access_token").asText();
            if (token.isEmpty()) {
                throw new IOException("the token answer has no access_token");
            }
            long ttl = Math.max(60, answer.path("expires_in").asLong(3600) - MARGIN_SECONDS);
            expiresAtNanos = System.nanoTime() + ttl * 1_000_000_000L;
        }
        return Map.of("Authorization", "Bearer " + token);
    }

    /** The metadata server's token, or null when there is no metadata server (not on GCP). */
    private JsonNode fromMetadata() throws IOException {
        try (HttpResponse r = http.get(metadata, Map.of("Metadata-Flavor", "Google"))) {
            return JSON.readTree(r.bytes());
        } catch (UnknownHostException | ConnectException | NoRouteToHostException e) {
            return null;
        }
    }

    /** A token for a signed JWT assertion (RFC 7523), as Google's OAuth endpoint issues for a key. */
    private JsonNode fromKey(JsonNode k) throws IOException {
        String tokenUri = k.path("token_uri").asText("https://oauth2.googleapis.com/token");
        long now = System.currentTimeMillis() / 1000;
        Map<String, Object> header = Map.of(
                "alg", "RS256", "typ", "JWT", "kid", k.path("private_key_id").asText(""));
        Map<String, Object> claims = Map.of(
                "iss", k.path("client_email").asText(),
                "scope", SCOPE,
                "aud", tokenUri,
                "iat", now,
                "exp", now + 3600);
        String unsigned = base64(JSON.writeValueAsBytes(header)) + "." + base64(JSON.writeValueAsBytes(claims));
        String jwt = unsigned + "." + base64(sign(k.path("private_key").asText(), unsigned));
        byte[] form = ("grant_type="
                        + URLEncoder.encode("urn:ietf:params:oauth:grant-type:jwt-bearer", StandardCharsets.UTF_8)
                        + "&assertion=" + jwt)
                .getBytes(StandardCharsets.US_ASCII);
        try (HttpResponse r = http.send(
                "POST",
                URI.create(tokenUri),
                Map.of("Content-Type", "application/x-www-form-urlencoded"),
                Body.of(form))) {
            return JSON.readTree(r.bytes());
        }
    }

    private static byte[] sign(String pem, String data) throws IOException {
        String base64 = pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
        try {
            PrivateKey privateKey = KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(privateKey);
            rsa.update(data.getBytes(StandardCharsets.US_ASCII));
            return rsa.sign();
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new NonRetryableException(new LoaderException(
                    Reason.INPUT,
                    "the service-account key's private_key is not a PKCS#8 RSA key: " + e.getMessage(),
                    e));
        }
    }

    private static String base64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
