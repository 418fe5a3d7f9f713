package io.kubeai.gitops.loader.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FileSelectionTest {
    private static List<SourceFile> files(String... paths) {
        return java.util.Arrays.stream(paths).map(p -> SourceFile.of(p, 1)).toList();
    }

    private static List<String> selected(FileSelection.Result r) {
        return r.selected().stream().map(SourceFile::path).toList();
    }

    @Test
    void defaultExcludes_dropOtherWeightFormats_whenSafetensorsExist() {
        var r = new FileSelection(List.of(), List.of(), true)
                .apply(files(
                        "config.json",
                        "model.safetensors",
                        "original/consolidated.00.pth",
                        "pytorch_model.bin",
                        "training_args.bin",
                        "onnx/model.onnx",
                        "model.gguf",
                        "tokenizer.model"));
        assertThat(selected(r))
                .containsExactly("config.json", "model.safetensors", "training_args.bin", "tokenizer.model");
        assertThat(r.summary()).startsWith("4 file(s), duplicate weight formats");
    }

    @Test
    void defaultExcludes_keepTheOnlyWeights_whenThereAreNoSafetensors() {
        var r = new FileSelection(List.of(), List.of(), true).apply(files("config.json", "pytorch_model.bin"));
        assertThat(selected(r)).containsExactly("config.json", "pytorch_model.bin");
    }

    @Test
    void mistralConsolidated_isSkipped_onlyBesideShardedSafetensors() {
        var both = new FileSelection(List.of(), List.of(), true)
                .apply(files("consolidated.safetensors", "model-00001-of-00002.safetensors", "params.json"));
        assertThat(selected(both)).containsExactly("model-00001-of-00002.safetensors", "params.json");
        var alone =
                new FileSelection(List.of(), List.of(), true).apply(files("consolidated.safetensors", "params.json"));
        assertThat(selected(alone)).containsExactly("consolidated.safetensors", "params.json");
    }

    @Test
    void explicitIncludes_winOverDefaultExcludes_andExcludesWinOverAll() {
        var r = new FileSelection(List.of("original/**", "*.json"), List.of("tokenizer_config.json"), true)
                .apply(files(
                        "config.json", "tokenizer_config.json", "model.safetensors", "original/consolidated.00.pth"));
        assertThat(selected(r)).containsExactly("config.json", "original/consolidated.00.pth");
    }

    @Test
    void globs() {
        assertThat(PathGlob.of("*.json").matches("a/b/c.json")).isTrue();
        assertThat(PathGlob.of("a/*.json").matches("a/b/c.json")).isFalse();
        assertThat(PathGlob.of("a/**/c.json").matches("a/b/c.json")).isTrue();
        assertThat(PathGlob.of("a/**/c.json").matches("a/c.json")).isTrue();
        assertThat(PathGlob.of("onnx/").matches("x/onnx/m.onnx")).isTrue();
        assertThat(PathGlob.of("model-?.bin").matches("model-1.bin")).isTrue();
    }
}
