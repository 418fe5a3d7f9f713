package io.kubeai.gitops.loader.localbucket;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubeai.gitops.loader.api.LoaderException;
import io.kubeai.gitops.loader.api.LoaderException.Reason;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.function.Consumer;

/**
 * The local bucket's S3 credentials, made in the cluster and never in Git. The Secret itself is rendered
 * empty beside the Job (so the Job's Role can name it: Kubernetes cannot limit {@code create} to one name);
 * the Job fills it once with a random key pair and the SeaweedFS identities file that grants it, and leaves
 * a filled Secret alone, so re-running the Job never changes keys that pods already use.
 */
public final class CredentialsSecret {
    /** The keys, as in the {@code aws} Secret of KubeAI's Helm chart, and SeaweedFS's {@code -s3.config} file. */
    public static final List<String> KEYS = List.of("accessKeyID", "secretAccessKey", "s3.json");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final int ATTEMPTS = 5;

    private final ClusterAccess cluster;
    private final SecureRandom random = new SecureRandom();
    private final Consumer<String> log;

    public CredentialsSecret(ClusterAccess cluster, Consumer<String> log) {
        this.cluster = cluster;
        this.log = log;
    }

    /** Fills the Secret {@code name} unless every key is already there. */
    public void ensure(String name) throws LoaderException {
        URI uri = URI.create(cluster.apiServer() + "/api/v1/namespaces/" + cluster.namespace() + "/secrets/" + name);
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            JsonNode secret = get(uri, name);
            JsonNode data = secret.path("data");
            if (KEYS.stream().allMatch(k -> !data.path(k).asText("").isEmpty())) {
                log.accept("Secret " + name + " already holds the local bucket's credentials; left alone");
                return;
            }
            // The resourceVersion makes the patch fail if another writer got there first; then read again.
            int status =
                    patch(uri, secret.path("metadata").path("resourceVersion").asText(""), name);
            if (status / 100 == 2) {
                log.accept("Secret " + name + " filled with new local bucket credentials");
                return;
            }
            if (status != 409) {
                throw refused(name, "patch", status);
            }
        }
        throw new LoaderException(Reason.TRANSFER, "Secret " + name + " kept changing under " + ATTEMPTS + " patches");
    }

    private JsonNode get(URI uri, String name) throws LoaderException {
        HttpResponse<String> response = send(request(uri).GET().build(), name);
        if (response.statusCode() == 404) {
            throw new LoaderException(
                    Reason.INPUT,
                    "Secret " + name + " does not exist in namespace " + cluster.namespace()
                            + ": it is rendered empty beside this Job (local-bucket/secret.yaml); apply it first");
        }
        if (response.statusCode() != 200) {
            throw refused(name, "get", response.statusCode());
        }
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new LoaderException(Reason.TRANSFER, "the API server's answer for Secret " + name + " is not JSON");
        }
    }

    private int patch(URI uri, String resourceVersion, String name) throws LoaderException {
        String accessKey = "KUBEAI" + randomText(14).toUpperCase(java.util.Locale.ROOT);
        String secretKey = randomText(40);
        ObjectNode body = JSON.createObjectNode();
        body.putObject("metadata").put("resourceVersion", resourceVersion);
        ObjectNode data = body.putObject("data");
        data.put("accessKeyID", base64(accessKey));
        data.put("secretAccessKey", base64(secretKey));
        data.put("s3.json", base64(identities(accessKey, secretKey)));
        HttpRequest request = request(uri)
                .header("Content-Type", "application/merge-patch+json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
        return send(request, name).statusCode();
    }

    /** SeaweedFS's {@code -s3.config}: one identity with these keys, allowed everything. */
    static String identities(String accessKey, String secretKey) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode identity = root.putArray("identities").addObject().put("name", "kubeai");
        identity.putArray("credentials").addObject().put("accessKey", accessKey).put("secretKey", secretKey);
        ArrayNode actions = identity.putArray("actions");
        List.of("Admin", "Read", "List", "Tagging", "Write").forEach(actions::add);
        return root.toString();
    }

    private String randomText(int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(ALPHANUMERIC.charAt(random.nextInt(ALPHANUMERIC.length())));
        }
        return text.toString();
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + cluster.token())
                .header("Accept", "application/json");
    }

    private HttpResponse<String> send(HttpRequest request, String name) throws LoaderException {
        try {
            return cluster.http().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new LoaderException(
                    Reason.TRANSFER, "cannot reach the API server for Secret " + name + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LoaderException(Reason.IO, "interrupted");
        }
    }

    private LoaderException refused(String name, String verb, int status) {
        return new LoaderException(
                status == 401 || status == 403 ? Reason.AUTH : Reason.TRANSFER,
                "the API server refused to " + verb + " Secret " + name + " (HTTP " + status + "): the Job's Role"
                        + " must allow get and patch on that one Secret (local-bucket/role.yaml)");
    }
}
