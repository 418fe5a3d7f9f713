package io.kubeai.gitops.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DefaultImagesTest {

    /** name:tag, or name:tag@sha256:digest once released. */
    private static final Pattern REFERENCE =
            Pattern.compile("([a-z0-9./-]+)/([a-z-]+):([\\w.-]+)(@sha256:[0-9a-f]{64})?");

    @ParameterizedTest
    @ValueSource(strings = {"kubeai-loader", "kubeai-adapter-sync", "kubeai-commit-hook", "kubeai-finetune-api"})
    void eachRuntimeImage_isNamedWithTheRegistryAndTagTheBuildPushes(String name) throws Exception {
        String pom = Files.readString(Path.of("../pom.xml"));

        Matcher m = REFERENCE.matcher(DefaultImages.of(name));

        assertThat(m.matches()).as(DefaultImages.of(name)).isTrue();
        assertThat(m.group(1)).isEqualTo(property(pom, "kubeai.image.prefix"));
        assertThat(m.group(2)).isEqualTo(name);
        assertThat(m.group(3)).isEqualTo(property(pom, "kubeai.image.tag"));
    }

    @Test
    void theConfigDefaults_comeFromTheFile() {
        assertThat(ConfigReader.DEFAULT_LOADER_IMAGE).isEqualTo(DefaultImages.of("kubeai-loader"));
        assertThat(ConfigReader.DEFAULT_ADAPTER_SYNC_IMAGE).isEqualTo(DefaultImages.of("kubeai-adapter-sync"));
        assertThat(ConfigReader.DEFAULT_HOOK_IMAGE).isEqualTo(DefaultImages.of("kubeai-commit-hook"));
        assertThat(ConfigReader.DEFAULT_FINETUNE_API_IMAGE).isEqualTo(DefaultImages.of("kubeai-finetune-api"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"loader", "adapter-sync", "commit-hook", "finetune-api"})
    void theReleaseWorkflow_buildsEveryRuntimeImage_andRecordsItsDigest(String module) throws Exception {
        String workflow = Files.readString(Path.of("../.github/workflows/release.yml"));
        String pom = Files.readString(Path.of("../runtime", module, "pom.xml"));

        assertThat(pom).contains("<jib.skip>false</jib.skip>");
        assertThat(Pattern.compile("-pl [a-z/,-]*\\bruntime/" + Pattern.quote(module) + "\\b")
                        .matcher(workflow)
                        .find())
                .as("the jib:build of release.yml builds runtime/" + module)
                .isTrue();
        assertThat(Pattern.compile("for module in [a-z -]*\\b" + Pattern.quote(module) + "\\b")
                        .matcher(workflow)
                        .find())
                .as("the digest loop of release.yml names " + module)
                .isTrue();
    }

    private static String property(String pom, String name) {
        Matcher m = Pattern.compile("<" + Pattern.quote(name) + ">([^<]+)</").matcher(pom);
        assertThat(m.find()).as(name + " in the parent pom").isTrue();
        return m.group(1);
    }
}
