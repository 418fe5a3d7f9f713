package io.kubeai.gitops.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Names review reads back must be the ones the templates write, not a copy that can drift. */
class RenderedNamesTest {

    @Test
    void loaderJobTemplate_writesTheSourceAnnotationReviewReads() throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("templates/loader-job.yaml.ftl")) {
            assertThat(in).isNotNull();
            String template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(template).contains(RenderedNames.SOURCE_ANNOTATION + ": ${json(r.source)}");
        }
    }
}
