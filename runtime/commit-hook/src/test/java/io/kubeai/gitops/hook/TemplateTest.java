package io.kubeai.gitops.hook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TemplateTest {

    @Test
    void placeholders_areFilled_andLinesWithoutAValueDropped() {
        String message = Template.render(
                "Add {adapter} to {model}\n\nTrainer-Image: {trainerImage}\nURL: {url}",
                Map.of(
                        "adapter",
                        Optional.of("job-1"),
                        "model",
                        Optional.of("llama"),
                        "url",
                        Optional.of("s3://b/$1"),
                        "trainerImage",
                        Optional.empty()));
        assertThat(message).isEqualTo("Add job-1 to llama\n\nURL: s3://b/$1");
    }

    @Test
    void unknownPlaceholder_isAUsageError() {
        assertThatThrownBy(() -> Template.validate("--branch-template", "kubeai/{modle}-{adapter}"))
                .isInstanceOfSatisfying(HookException.class, e -> {
                    assertThat(e.kind()).isEqualTo(HookException.Kind.USAGE);
                    assertThat(e.getMessage())
                            .startsWith("--branch-template uses unknown placeholder(s) {modle}; known:");
                });
    }

    @Test
    void repoUrl_isShownWithoutUserInfo() throws Exception {
        assertThat(RepoUrl.display("https://bot:tok3n@git.example.com/acme/gitops.git"))
                .isEqualTo("https://git.example.com/acme/gitops.git");
        assertThat(RepoUrl.secrets("https://bot:tok3n@git.example.com/acme/gitops.git"))
                .containsExactly("tok3n");
        assertThat(RepoUrl.checkPath("./deploy//gitops/")).isEqualTo("deploy/gitops");
        assertThat(RepoUrl.checkPath("")).isEmpty();
    }
}
