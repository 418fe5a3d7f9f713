package io.kubeai.gitops.finetune;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeai.gitops.testing.git.GitHttpServer;
import io.kubeai.gitops.testing.image.ImageTarball;
import io.kubeai.gitops.testing.image.RunningImage;
import io.kubeai.gitops.testing.image.RuntimeImageCheck;
import io.kubeai.gitops.testing.s3.S3TestServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The kubeai-finetune-api image as `mvn verify` builds it, unpacked and started the way the generator's
 * Deployment starts it: no args, its settings in the environment, here against the in-process S3 server
 * (the files bucket) and Git server (the GitOps repo).
 */
class ImageIT extends RuntimeImageCheck {

    private static final String KEY = "sk-image-check-4e7a1c9b";
    private static final String GIT_PASSWORD = "git-pass-image-81d3";
    private static final Pattern LISTENING = Pattern.compile("listening on port (\\d+)");

    ImageIT() {
        super("kubeai-finetune-api", "io.kubeai.gitops.finetune.cli.FinetuneApiMain");
    }

    @Test
    void withoutItsSettings_itSaysWhichIsMissing_andExits2() throws Exception {
        ImageTarball.Run run = image().run();

        assertThat(run.exitCode()).as(run.output()).isEqualTo(2);
        assertThat(run.output()).startsWith("finetune-api: error: set KUBEAI_API_KEY or KUBEAI_API_KEY_FILE");
    }

    @Test
    void withTheGeneratorsEnvironment_itServesProbesAndFiles_andLogsNoSecret() throws Exception {
        try (S3TestServer s3 = S3TestServer.start();
                GitHttpServer git = GitHttpServer.start(scratch().resolve("git"), "bot", GIT_PASSWORD)) {
            s3.createBucket("kubeai");
            Path keys = Files.writeString(scratch().resolve("apiKeys"), KEY + "\n");
            Map<String, String> env = new LinkedHashMap<>(s3.environment());
            env.put("PORT", "0");
            env.put("KUBEAI_API_KEY_FILE", keys.toString());
            env.put("FILES_URL", "s3://kubeai/finetuning-files/");
            env.put("NAMESPACE", "kubeai");
            env.put("GIT_REPOSITORY", git.seed("gitops", "main", Path.of("src/test/resources/gitops")));
            env.put("GIT_USERNAME", "bot");
            env.put("GIT_PASSWORD", GIT_PASSWORD);
            // Nothing here talks to a cluster; the client must still build without one.
            env.put("KUBERNETES_MASTER", "http://127.0.0.1:9");

            try (RunningImage api = image().start(env)) {
                assertThat(api.awaitOutput("listening on port", 60_000))
                        .as(api.output())
                        .isTrue();
                Matcher port = LISTENING.matcher(api.output());
                assertThat(port.find()).isTrue();
                String base = "http://127.0.0.1:" + port.group(1);
                HttpClient http = HttpClient.newHttpClient();

                assertThat(send(http, HttpRequest.newBuilder(URI.create(base + "/healthz")))
                                .statusCode())
                        .isEqualTo(200);
                assertThat(send(http, HttpRequest.newBuilder(URI.create(base + "/v1/files")))
                                .statusCode())
                        .isEqualTo(401);
                HttpResponse<String> uploaded = send(http, upload(base));
                assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(200);
                assertThat(uploaded.body()).contains("\"purpose\":\"fine-tune\"", "\"filename\":\"train.jsonl\"");
                assertThat(s3.listKeys("kubeai", "finetuning-files/")).isNotEmpty();
                assertThat(api.output())
                        .contains("POST /v1/files 200")
                        .doesNotContain(KEY, GIT_PASSWORD, s3.secretKey());
            }
        }
    }

    private static HttpRequest.Builder upload(String base) {
        String boundary = "kubeai-image-check";
        String body = "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"purpose\"\r\n\r\nfine-tune\r\n"
                + "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"file\"; filename=\"train.jsonl\"\r\n"
                + "Content-Type: application/jsonl\r\n\r\n"
                + "{\"messages\": [{\"role\": \"user\", \"content\": \"hi\"},"
                + " {\"role\": \"assistant\", \"content\": \"hello\"}]}\n\r\n"
                + "--" + boundary + "--\r\n";
        return HttpRequest.newBuilder(URI.create(base + "/v1/files"))
                .header("Authorization", "Bearer " + KEY)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
