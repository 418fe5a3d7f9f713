package io.kubeai.gitops.finetune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.errors.BadRequestException;
import com.openai.errors.UnauthorizedException;
import com.openai.models.files.FileCreateParams;
import com.openai.models.files.FilePurpose;
import com.openai.models.finetuning.jobs.JobCreateParams;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.kubeai.gitops.hook.CommitRequest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What an attacker or a careless client sends, and racing clients: OpenAI-shaped errors and no commit. */
@EnableKubernetesMockClient(crud = true)
class FinetuneApiErrorsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    KubernetesClient cluster;

    @TempDir
    Path tmp;

    private ApiHarness harness;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        harness = ApiHarness.start(tmp, cluster, CommitRequest.Mode.PUSH, 4096);
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void missingOrWrongKey_is401_andNeverLogged() throws Exception {
        HttpResponse<String> none =
                send(HttpRequest.newBuilder(uri("/fine_tuning/jobs")).GET());
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(error(none).path("code").asText()).isEqualTo("invalid_api_key");

        OpenAIClient wrong = OpenAIOkHttpClient.builder()
                .baseUrl(harness.baseUrl())
                .apiKey("sk-wrong-key-4242")
                .build();
        UnauthorizedException e = catchThrowableOfType(
                UnauthorizedException.class, () -> wrong.fineTuning().jobs().list());
        assertThat(e.statusCode()).isEqualTo(401);
        assertThat(String.join("\n", harness.log))
                .doesNotContain("sk-wrong-key-4242")
                .doesNotContain(ApiHarness.KEY);
    }

    @Test
    void unknownModel_badUrl_unknownFile_areRejectedWithTheirParam_andNothingIsCommitted() throws Exception {
        OpenAIClient client = harness.client();
        List<String> before = harness.commits("main");

        BadRequestException unknownModel = rejected(client, "llama-9000", "s3://datasets/train.jsonl");
        assertThat(unknownModel.param()).contains("model");
        assertThat(unknownModel.getMessage()).contains("llama-9000");

        BadRequestException badUrl = rejected(client, ApiHarness.MODEL, "ftp://example.org/train.jsonl");
        assertThat(badUrl.param()).contains("training_file");

        BadRequestException unknownFile = rejected(client, ApiHarness.MODEL, "file-doesnotexist0000000000");
        assertThat(unknownFile.param()).contains("training_file");
        assertThat(unknownFile.code()).contains("file_not_found");

        BadRequestException notVllm = rejected(client, "embedder", "s3://datasets/train.jsonl");
        assertThat(notVllm.param()).contains("model");

        HttpResponse<String> unknownField = send(json("/fine_tuning/jobs", """
                {"model": "llama-8b", "training_file": "s3://datasets/t.jsonl", "evil": true}"""));
        assertThat(unknownField.statusCode()).isEqualTo(400);
        assertThat(error(unknownField).path("param").asText()).isEqualTo("evil");

        HttpResponse<String> notJson = send(json("/fine_tuning/jobs", "{not json"));
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(error(notJson).path("type").asText()).isEqualTo("invalid_request_error");

        HttpResponse<String> yamlInjection = send(json("/fine_tuning/jobs", """
                {"model": "llama-8b\\n  image: evil/trainer:latest", "training_file": "s3://datasets/t.jsonl"}"""));
        assertThat(yamlInjection.statusCode()).isEqualTo(400);

        HttpResponse<String> missingJob = send(HttpRequest.newBuilder(uri("/fine_tuning/jobs/ftjob-nope"))
                .header("Authorization", "Bearer " + ApiHarness.KEY)
                .GET());
        assertThat(missingJob.statusCode()).isEqualTo(404);
        assertThat(error(missingJob).path("message").asText()).contains("ftjob-nope");

        assertThat(harness.commits("main")).isEqualTo(before);
    }

    @Test
    void invalidOrOversizedJsonl_isRejectedAtTheFirstBadLine_andNotStored() throws Exception {
        OpenAIClient client = harness.client();
        String bad = """
                {"messages": [{"role": "user", "content": "hi"}, {"role": "assistant", "content": "hello"}]}
                {"messages": [{"role": "user", "content": "no answer"}]}
                {"prompt": 1}
                """;
        BadRequestException invalid = catchThrowableOfType(
                BadRequestException.class,
                () -> client.files()
                        .create(FileCreateParams.builder()
                                .file(bad.getBytes(StandardCharsets.UTF_8))
                                .purpose(FilePurpose.FINE_TUNE)
                                .build()));
        assertThat(invalid.getMessage()).contains("line 2").contains("assistant");
        assertThat(invalid.param()).contains("file");

        BadRequestException notJson = catchThrowableOfType(
                BadRequestException.class,
                () -> client.files()
                        .create(FileCreateParams.builder()
                                .file("{\"prompt\": \"a\", \"completion\": \"b\"}\nnot json\n"
                                        .getBytes(StandardCharsets.UTF_8))
                                .purpose(FilePurpose.FINE_TUNE)
                                .build()));
        assertThat(notJson.getMessage()).contains("line 2").contains("not valid JSON");

        String line = "{\"prompt\": \"" + "x".repeat(200) + "\", \"completion\": \"y\"}\n";
        HttpResponse<String> tooLarge = send(upload(line.repeat(40)));
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(error(tooLarge).path("param").asText()).isEqualTo("file");

        HttpResponse<String> wrongPurpose = send(upload(line, "assistants"));
        assertThat(wrongPurpose.statusCode()).isEqualTo(400);
        assertThat(error(wrongPurpose).path("param").asText()).isEqualTo("purpose");

        assertThat(harness.s3.listKeys("kubeai", "")).isEmpty();
        assertThat(client.files().list().data()).isEmpty();
    }

    @Test
    void tenConcurrentCreates_loseNoneAndDuplicateNone() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(10);
        int before = harness.commits("main").size();
        try {
            List<Callable<String>> distinct = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                String suffix = "c" + i;
                distinct.add(() -> createWithSuffix(suffix));
            }
            Set<String> ids = new HashSet<>();
            for (Future<String> f : pool.invokeAll(distinct)) {
                ids.add(f.get());
            }
            assertThat(ids).hasSize(10);
            for (String id : ids) {
                assertThat(harness.file("main", "finetunes/" + id + ".yaml")).isPresent();
            }
            assertThat(harness.commits("main")).hasSize(before + 10);

            // The same request ten times at once (a client retrying): one job, one commit.
            List<Callable<String>> same = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                same.add(() -> createWithSuffix("retried"));
            }
            Set<String> retried = new HashSet<>();
            for (Future<String> f : pool.invokeAll(same)) {
                retried.add(f.get());
            }
            assertThat(retried).hasSize(1);
            assertThat(harness.commits("main")).hasSize(before + 11);

            // An Idempotency-Key makes even different bodies one job.
            HttpResponse<String> first = send(json("/fine_tuning/jobs", """
                    {"model": "llama-8b", "training_file": "s3://datasets/t.jsonl", "suffix": "k1"}""").header("Idempotency-Key", "order-42"));
            HttpResponse<String> again = send(json("/fine_tuning/jobs", """
                    {"model": "llama-8b", "training_file": "s3://datasets/t.jsonl", "suffix": "k1"}""").header("Idempotency-Key", "order-42"));
            assertThat(first.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(again.body()).path("id"))
                    .isEqualTo(JSON.readTree(first.body()).path("id"));
            assertThat(harness.commits("main")).hasSize(before + 12);
            assertThat(harness.client().fineTuning().jobs().list().data()).hasSize(12);
        } finally {
            pool.shutdownNow();
        }
    }

    /** One client's create, as the SDK sends it. */
    private String createWithSuffix(String suffix) {
        return harness.client()
                .fineTuning()
                .jobs()
                .create(JobCreateParams.builder()
                        .model(ApiHarness.MODEL)
                        .trainingFile("s3://datasets/sql/train.jsonl")
                        .suffix(suffix)
                        .build())
                .id();
    }

    /** A create the server must refuse with a 400. */
    private static BadRequestException rejected(OpenAIClient client, String model, String trainingFile) {
        return catchThrowableOfType(
                BadRequestException.class,
                () -> client.fineTuning()
                        .jobs()
                        .create(JobCreateParams.builder()
                                .model(model)
                                .trainingFile(trainingFile)
                                .build()));
    }

    private URI uri(String path) {
        return URI.create(harness.baseUrl() + path);
    }

    private HttpRequest.Builder json(String path, String body) {
        return HttpRequest.newBuilder(uri(path))
                .header("Authorization", "Bearer " + ApiHarness.KEY)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private HttpRequest.Builder upload(String content) {
        return upload(content, "fine-tune");
    }

    private HttpRequest.Builder upload(String content, String purpose) {
        String boundary = "----kubeai-test-boundary";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"purpose\"\r\n\r\n" + purpose
                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"t.jsonl\"\r\n"
                + "Content-Type: application/jsonl\r\n\r\n" + content + "\r\n--" + boundary + "--\r\n";
        return HttpRequest.newBuilder(uri("/files"))
                .header("Authorization", "Bearer " + ApiHarness.KEY)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode error(HttpResponse<String> response) throws Exception {
        JsonNode error = JSON.readTree(response.body()).path("error");
        assertThat(error.has("message") && error.has("type") && error.has("param") && error.has("code"))
                .as("OpenAI's error shape: %s", response.body())
                .isTrue();
        return error;
    }
}
