package io.kubeai.gitops.loader.localbucket;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.kubeai.gitops.api.GenerateRequest;
import io.kubeai.gitops.api.GenerateResult;
import io.kubeai.gitops.api.Generator;
import io.kubeai.gitops.api.diagnostic.Diagnostic;
import io.kubeai.gitops.loader.api.LoaderEnv;
import io.kubeai.gitops.loader.cli.LoaderMain;
import io.kubeai.gitops.testing.s3.S3TestServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local bucket's setup Job as the generator renders it, run with its own arguments and environment:
 * its first container against an API server that enforces the rendered Role, its second against an S3
 * server that accepts only the keys the first one made. Only what the kubelet supplies is filled in here
 * (the ServiceAccount folder, the API server's address, Secret values for {@code secretKeyRef}), and the
 * Service's DNS name, which points at the in-process S3 server instead.
 */
class LocalBucketSetupTest {
    private static final ObjectMapper YAML = new YAMLMapper();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "service-account-token";

    @TempDir
    Path dir;

    private Path rendered;
    private Path serviceAccount;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void render() throws IOException {
        Path repo = Files.createDirectories(dir.resolve("repo"));
        Files.writeString(repo.resolve("kubeai.yaml"), """
                namespace: models
                models:
                  cache:
                    defaultProfile: Local
                    profiles:
                      Local: {bucket: {url: s3://kubeai/models/, local: true}}
                      Adapters: {bucket: {url: s3://adapters/cache/, local: true}}
                """);
        Files.createDirectories(repo.resolve("models"));
        Files.writeString(repo.resolve("models/qwen.yaml"), """
                apiVersion: kubeai.org/v1
                kind: Model
                metadata: {name: qwen}
                spec: {url: hf://Qwen/Qwen2.5-0.5B-Instruct, resourceProfile: cpu:1}
                """);
        rendered = dir.resolve("rendered");
        GenerateResult result = new Generator()
                .generate(GenerateRequest.builder(repo).outputDir(rendered).build());
        assertThat(result.diagnostics()).filteredOn(Diagnostic::isError).isEmpty();
        serviceAccount = Files.createDirectories(dir.resolve("serviceaccount"));
        Files.writeString(serviceAccount.resolve("token"), TOKEN + "\n");
        Files.writeString(serviceAccount.resolve("namespace"), "models");
    }

    @Test
    void renderedSetupJob_fillsTheSecretOnce_thenCreatesEveryBucket_withThoseKeys() throws Exception {
        JsonNode pod = read("job-setup.yaml").at("/spec/template/spec");
        JsonNode secret = read("secret.yaml");
        String secretName = secret.at("/metadata/name").asText();
        assertThat(secret.has("data")).as("the Secret is rendered without data").isFalse();
        JsonNode rule = read("role.yaml").at("/rules/0");
        assertThat(rule.get("verbs")).extracting(JsonNode::asText).containsExactly("get", "patch");
        List<String> names = new ArrayList<>();
        rule.get("resourceNames").forEach(n -> names.add(n.asText()));

        try (FakeSecretApi api = new FakeSecretApi("models", TOKEN, names)) {
            api.apply(secret);
            JsonNode credentials = pod.at("/initContainers/0");
            assertThat(runInCluster(credentials, api)).as(err()).isZero();
            Map<String, String> keys = api.data(secretName);
            assertThat(keys).containsOnlyKeys("accessKeyID", "secretAccessKey", "s3.json");
            assertThat(keys.get("secretAccessKey")).hasSize(40);
            JsonNode identity = JSON.readTree(keys.get("s3.json")).at("/identities/0");
            assertThat(identity.at("/credentials/0/accessKey").asText()).isEqualTo(keys.get("accessKeyID"));
            assertThat(identity.at("/credentials/0/secretKey").asText()).isEqualTo(keys.get("secretAccessKey"));
            assertThat(seaweedfsConfig()).isEqualTo(secretName);

            try (S3TestServer s3 = S3TestServer.withKeys(keys.get("accessKeyID"), keys.get("secretAccessKey"))) {
                JsonNode creator = pod.at("/containers/0");
                Map<String, String> env = environment(creator, Map.of(secretName, keys), s3);
                assertThat(run(args(creator), env)).as(err()).isZero();
                assertThat(s3.client().listBuckets().buckets())
                        .extracting(b -> b.name())
                        .containsExactlyInAnyOrder("adapters", "kubeai");
                assertThat(out()).contains("bucket adapters created", "bucket kubeai created");

                // A Job re-run (a new pod after a node loss) changes nothing.
                assertThat(runInCluster(credentials, api)).isZero();
                assertThat(api.data(secretName)).isEqualTo(keys);
                assertThat(run(args(creator), env)).isZero();
                assertThat(out()).contains("bucket kubeai exists", "left alone");
            }
        }
    }

    @Test
    void setupJob_withoutItsRole_failsSayingWhichPermissionItNeeds() throws Exception {
        try (FakeSecretApi api = new FakeSecretApi("models", TOKEN, List.of())) {
            api.apply(read("secret.yaml"));
            assertThat(runInCluster(read("job-setup.yaml").at("/spec/template/spec/initContainers/0"), api))
                    .isEqualTo(1);
            assertThat(err()).contains("HTTP 403", "must allow get and patch on that one Secret");
        }
    }

    @Test
    void createBuckets_withKeysTheStoreRefuses_failsAtOnceInsteadOfWaiting() throws Exception {
        try (S3TestServer s3 = S3TestServer.start()) {
            Map<String, String> env = new LinkedHashMap<>(s3.environment());
            env.put("AWS_SECRET_ACCESS_KEY", "not-the-key");
            long start = System.nanoTime();
            assertThat(run(List.of("create-buckets", "kubeai", "--timeout", "5m"), env))
                    .isEqualTo(1);
            assertThat(System.nanoTime() - start).isLessThan(30_000_000_000L);
            assertThat(err()).contains("refused bucket kubeai (HTTP 403)");
        }
    }

    @Test
    void createBuckets_whileTheStoreIsDown_waitsThenGivesUpAtItsTimeout() {
        Map<String, String> env = Map.of(
                "AWS_ENDPOINT_URL", "http://127.0.0.1:1", "AWS_ACCESS_KEY_ID", "a", "AWS_SECRET_ACCESS_KEY", "b");
        assertThat(run(List.of("create-buckets", "kubeai", "--timeout", "1s", "--interval", "200ms"), env))
                .isEqualTo(1);
        assertThat(out()).contains("waiting for the store");
        assertThat(err()).contains("did not answer within");
    }

    /** The SeaweedFS Deployment reads its identities from the Secret the Job fills; returns its name. */
    private String seaweedfsConfig() throws IOException {
        JsonNode pod = read("deployment.yaml").at("/spec/template/spec");
        String config = "";
        for (JsonNode arg : pod.at("/containers/0/args")) {
            if (arg.asText().startsWith("-s3.config=")) {
                config = arg.asText().substring("-s3.config=".length());
            }
        }
        for (JsonNode mount : pod.at("/containers/0/volumeMounts")) {
            if (config.startsWith(mount.get("mountPath").asText() + "/")) {
                for (JsonNode volume : pod.get("volumes")) {
                    if (volume.get("name").equals(mount.get("name"))) {
                        assertThat(volume.at("/secret/items/0/path").asText())
                                .isEqualTo(config.substring(config.lastIndexOf('/') + 1));
                        return volume.at("/secret/secretName").asText();
                    }
                }
            }
        }
        throw new AssertionError("no Secret volume holds " + config);
    }

    /** The container's environment as the kubelet would set it, with the Service's address swapped for s3's. */
    private Map<String, String> environment(
            JsonNode container, Map<String, Map<String, String>> secrets, S3TestServer s3) throws IOException {
        JsonNode service = read("service.yaml");
        String address = "http://" + service.at("/metadata/name").asText() + "."
                + service.at("/metadata/namespace").asText() + ".svc.cluster.local:"
                + service.at("/spec/ports/0/port").asInt();
        Map<String, String> env = new LinkedHashMap<>();
        for (JsonNode var : container.get("env")) {
            JsonNode ref = var.at("/valueFrom/secretKeyRef");
            String value = ref.isMissingNode()
                    ? var.get("value").asText()
                    : secrets.get(ref.get("name").asText()).get(ref.get("key").asText());
            env.put(var.get("name").asText(), value);
        }
        assertThat(env).containsEntry("AWS_ENDPOINT_URL", address).containsEntry("AWS_EC2_METADATA_DISABLED", "true");
        env.put("AWS_ENDPOINT_URL", s3.endpoint().toString());
        return env;
    }

    private int runInCluster(JsonNode container, FakeSecretApi api) {
        List<String> args = new ArrayList<>(args(container));
        args.addAll(List.of("--api-server", api.url().toString(), "--service-account-dir", serviceAccount.toString()));
        return run(args, Map.of());
    }

    private static List<String> args(JsonNode container) {
        List<String> args = new ArrayList<>();
        container.get("args").forEach(a -> args.add(a.asText()));
        return args;
    }

    private int run(List<String> args, Map<String, String> env) {
        return LoaderMain.run(
                args.toArray(String[]::new),
                LoaderEnv.of(env),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private JsonNode read(String file) throws IOException {
        return YAML.readTree(rendered.resolve("local-bucket").resolve(file).toFile());
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
