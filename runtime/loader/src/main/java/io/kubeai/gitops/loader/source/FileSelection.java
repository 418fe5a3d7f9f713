package io.kubeai.gitops.loader.source;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Chooses the files to load: those matching an include (all when there are none), minus those
 * matching an exclude, minus — for Hub sources with safetensors — duplicate weight formats. A file an
 * explicit include names is never dropped by the default excludes.
 */
public final class FileSelection {
    /**
     * Other formats of the same weights, skipped when a repository has {@code *.safetensors}:
     * PyTorch pickles, TensorFlow, Flax, Rust, ONNX, OpenVINO, Core ML and GGUF exports, Meta's
     * {@code original/} checkpoints.
     */
    public static final List<String> DUPLICATE_WEIGHTS = List.of(
            "original/",
            "*.pth",
            "*.pt",
            "*.ckpt",
            "pytorch_model*.bin",
            "tf_model*.h5",
            "*.msgpack",
            "rust_model.ot",
            "*.onnx",
            "*.onnx_data",
            "onnx/",
            "openvino/",
            "*.mlmodel",
            "coreml/",
            "*.gguf");

    /** Mistral's single-file checkpoint, skipped when sharded Hugging Face safetensors exist too. */
    public static final String MISTRAL_CONSOLIDATED = "consolidated*.safetensors";

    /**
     * The outcome.
     *
     * @param selected the files to load
     * @param skipped the files left out, by path, with the reason
     */
    public record Result(List<SourceFile> selected, Map<String, String> skipped) {
        /** A one-line summary of what was skipped, or empty. */
        public String summary() {
            if (skipped.isEmpty()) {
                return "";
            }
            Map<String, List<String>> byReason = new TreeMap<>();
            skipped.forEach((path, reason) ->
                    byReason.computeIfAbsent(reason, r -> new ArrayList<>()).add(path));
            return byReason.entrySet().stream()
                    .map(e -> e.getValue().size() + " file(s), " + e.getKey() + ": " + abbreviate(e.getValue()))
                    .collect(Collectors.joining("; "));
        }

        private static String abbreviate(List<String> paths) {
            return paths.size() <= 8
                    ? String.join(", ", paths)
                    : String.join(", ", paths.subList(0, 8)) + ", ... (" + (paths.size() - 8) + " more)";
        }
    }

    private final List<PathGlob> includes;
    private final List<PathGlob> excludes;
    private final boolean defaultExcludes;

    public FileSelection(List<String> includes, List<String> excludes, boolean defaultExcludes) {
        this.includes = includes.stream().map(PathGlob::of).toList();
        this.excludes = excludes.stream().map(PathGlob::of).toList();
        this.defaultExcludes = defaultExcludes;
    }

    public Result apply(List<SourceFile> files) {
        boolean safetensors =
                defaultExcludes && files.stream().anyMatch(f -> f.path().endsWith(".safetensors"));
        boolean sharded = files.stream()
                .anyMatch(f -> f.path().endsWith(".safetensors")
                        && !PathGlob.of(MISTRAL_CONSOLIDATED).matches(f.path()));
        List<PathGlob> duplicates = DUPLICATE_WEIGHTS.stream().map(PathGlob::of).toList();
        List<SourceFile> selected = new ArrayList<>();
        Map<String, String> skipped = new TreeMap<>();
        for (SourceFile f : files) {
            String p = f.path();
            boolean explicitlyIncluded = includes.stream().anyMatch(g -> g.matches(p));
            if (!includes.isEmpty() && !explicitlyIncluded) {
                skipped.put(p, "not matched by --include");
            } else if (excludes.stream().anyMatch(g -> g.matches(p))) {
                skipped.put(p, "matched by --exclude");
            } else if (safetensors && !explicitlyIncluded && duplicates.stream().anyMatch(g -> g.matches(p))) {
                skipped.put(p, "duplicate weight formats (safetensors exist)");
            } else if (safetensors
                    && sharded
                    && !explicitlyIncluded
                    && PathGlob.of(MISTRAL_CONSOLIDATED).matches(p)) {
                skipped.put(p, "duplicate weight formats (sharded safetensors exist)");
            } else {
                selected.add(f);
            }
        }
        return new Result(selected, skipped);
    }
}
