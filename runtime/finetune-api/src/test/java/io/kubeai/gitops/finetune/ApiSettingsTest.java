package io.kubeai.gitops.finetune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubeai.gitops.hook.CommitRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiSettingsTest {
    @TempDir
    Path tmp;

    @Test
    void theRenderedEnvironment_isRead_withKeysFromTheSecretFile_oneALine() throws Exception {
        Path keys = Files.writeString(tmp.resolve("apiKeys"), "sk-old-key-1\n\n  sk-new-key-2  \n");
        Map<String, String> env = base();
        env.remove("KUBEAI_API_KEY");
        env.put("KUBEAI_API_KEY_FILE", keys.toString());
        env.put("GIT_MODE", "branch");
        env.put("GIT_PATH", "clusters/prod");
        env.put("GIT_TOKEN", "ghp-token-123");

        ApiSettings settings = ApiSettings.fromEnvironment(env);

        assertThat(settings.apiKeys()).containsExactly("sk-old-key-1", "sk-new-key-2");
        assertThat(settings.filesUrl()).isEqualTo("s3://kubeai/finetuning-files/");
        assertThat(settings.git().mode()).isEqualTo(CommitRequest.Mode.BRANCH);
        assertThat(settings.git().path()).isEqualTo("clusters/prod");
        assertThat(settings.git().branch()).isEqualTo("main");
        assertThat(settings.port()).isEqualTo(8080);
        assertThat(settings.maxUploadBytes()).isEqualTo(ApiSettings.DEFAULT_MAX_UPLOAD_BYTES);
        assertThat(settings.secrets()).contains("sk-old-key-1", "sk-new-key-2", "ghp-token-123");
    }

    @Test
    void missingOrBadSettings_nameTheVariable() {
        Map<String, String> noKey = base();
        noKey.remove("KUBEAI_API_KEY");
        assertThatThrownBy(() -> ApiSettings.fromEnvironment(noKey)).hasMessageContaining("KUBEAI_API_KEY");

        Map<String, String> badMode = base();
        badMode.put("GIT_MODE", "force");
        assertThatThrownBy(() -> ApiSettings.fromEnvironment(badMode)).hasMessageContaining("GIT_MODE");

        Map<String, String> badUrl = base();
        badUrl.put("FILES_URL", "gs://bucket/");
        assertThatThrownBy(() -> ApiSettings.fromEnvironment(badUrl)).hasMessageContaining("FILES_URL");

        Map<String, String> badNumber = base();
        badNumber.put("MAX_UPLOAD_BYTES", "lots");
        assertThatThrownBy(() -> ApiSettings.fromEnvironment(badNumber)).hasMessageContaining("MAX_UPLOAD_BYTES");
    }

    private static Map<String, String> base() {
        Map<String, String> env = new HashMap<>();
        env.put("KUBEAI_API_KEY", "sk-test-key");
        env.put("FILES_URL", "s3://kubeai/finetuning-files");
        env.put("GIT_REPOSITORY", "https://git.example.com/acme/gitops.git");
        return env;
    }
}
