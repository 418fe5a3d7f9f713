package io.kubeai.gitops.hook.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.kubeai.gitops.hook.testing.UnifiedDiff;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One folder per case under {@code src/test/resources/edit}: {@code input.yaml}, {@code expected.yaml}
 * and optionally {@code case.properties} (model, adapter, url). Run with
 * {@code -Dkubeai.golden.update=true} to rewrite the expected files on purpose, then review the diff.
 */
class AdapterEditGoldenTest {

    private static final Path CASES = Path.of("src/test/resources/edit");
    private static final boolean UPDATE = Boolean.getBoolean("kubeai.golden.update");

    static Stream<String> cases() throws IOException {
        try (Stream<Path> dirs = Files.list(CASES)) {
            return dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString()).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void appendsOnlyTheNewAdapterLines(String name) throws Exception {
        Path dir = CASES.resolve(name);
        Properties props = new Properties();
        if (Files.exists(dir.resolve("case.properties"))) {
            try (Reader reader = Files.newBufferedReader(dir.resolve("case.properties"))) {
                props.load(reader);
            }
        }
        String model = props.getProperty("model", "llama-3.1-8b");
        Adapter adapter = new Adapter(
                props.getProperty("adapter", "job-42"),
                props.getProperty("url", "s3://my-bucket/finetuning/" + model + "/job-42"));
        String input = ModelLocator.readUtf8(dir.resolve("input.yaml"));

        EditResult result = ModelFile.parse(input).appendAdapter(model, adapter);

        assertThat(result).isInstanceOf(EditResult.Appended.class);
        String actual = ((EditResult.Appended) result).text();
        Path expectedFile = dir.resolve("expected.yaml");
        if (UPDATE) {
            Files.writeString(expectedFile, actual, StandardCharsets.UTF_8);
            return;
        }
        String expected = Files.exists(expectedFile) ? ModelLocator.readUtf8(expectedFile) : "";
        if (!expected.equals(actual)) {
            fail("edit of " + name + " differs from expected.yaml:\n"
                    + UnifiedDiff.of("expected.yaml", expected, "actual", actual));
        }
        // Applying the same adapter to the result finds it: the edit reads back as intended.
        assertThat(ModelFile.parse(actual).appendAdapter(model, adapter)).isInstanceOf(EditResult.AlreadyPresent.class);
    }
}
