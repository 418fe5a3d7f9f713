package io.kubeai.gitops.spec;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The capability table of {@code profiles/engine-images.yaml}: vLLM's features by the first release that
 * has each on a platform, and the images whose tag does not say their version or platform. One place
 * answers "can this image do X", so no code compares engine versions itself.
 */
public final class EngineImages {
    static final String RESOURCE = "profiles/engine-images.yaml";
    private static final EngineImages BUILT_IN =
            read(BuiltInProfiles.load(RESOURCE).root());

    private final Map<String, Map<EngineImage.Platform, Version>> features;
    private final Map<String, Known> known;

    /** An image the table names, with what its tag does not say. */
    private record Known(Optional<Version> version, EngineImage.Platform platform, Optional<String> baseline) {}

    private EngineImages(Map<String, Map<EngineImage.Platform, Version>> features, Map<String, Known> known) {
        this.features = features;
        this.known = known;
    }

    /** The table shipped with the generator. */
    public static EngineImages builtIn() {
        return BUILT_IN;
    }

    /** What {@code image} can do when it runs {@code engine}. */
    public EngineImage of(Engine engine, String image) {
        String reference = image.replaceFirst("@sha256:[0-9a-f]+$", "");
        Known entry = known.getOrDefault(reference, guess(reference));
        if (engine != Engine.VLLM) {
            return new EngineImage(
                    image, engine, entry.platform(), entry.version(), EngineImage.Features.NONE, entry.baseline());
        }
        EngineImage.Features has = new EngineImage.Features(
                has("runaiStreamer", entry), has("lora", entry), has("runtimeLoraUpdating", entry));
        return new EngineImage(image, engine, entry.platform(), entry.version(), has, entry.baseline());
    }

    /** The first vLLM release with {@code feature} on {@code platform}, if any has it. */
    public Optional<Version> since(String feature, EngineImage.Platform platform) {
        return Optional.ofNullable(features.getOrDefault(feature, Map.of()).get(platform));
    }

    private boolean has(String feature, Known image) {
        Optional<Version> since = since(feature, image.platform());
        return since.isPresent()
                && image.version().map(v -> v.atLeast(since.get())).orElse(true);
    }

    /** An image the table does not name: the version from its tag, the platform from its name. */
    private static Known guess(String reference) {
        int slash = reference.lastIndexOf('/');
        int colon = reference.lastIndexOf(':');
        String tag = colon > slash ? reference.substring(colon + 1) : "";
        String name = reference.toLowerCase(Locale.ROOT);
        EngineImage.Platform platform = name.contains("tpu")
                ? EngineImage.Platform.TPU
                : name.contains("rocm")
                        ? EngineImage.Platform.ROCM
                        : name.contains("cpu") ? EngineImage.Platform.CPU : EngineImage.Platform.CUDA;
        return new Known(Version.parse(tag), platform, Optional.empty());
    }

    private static EngineImages read(JsonNode root) {
        JsonNode vllm = root.path("vllm");
        Map<String, Map<EngineImage.Platform, Version>> features = new HashMap<>();
        vllm.path("features").properties().forEach(feature -> {
            Map<EngineImage.Platform, Version> byPlatform = new EnumMap<>(EngineImage.Platform.class);
            feature.getValue().properties().forEach(p -> byPlatform.put(platform(p.getKey()), version(p.getValue())));
            features.put(feature.getKey(), byPlatform);
        });
        Map<String, Known> known = new HashMap<>();
        vllm.path("images").properties().forEach(e -> {
            JsonNode image = e.getValue();
            Optional<String> baseline = Optional.empty();
            if (image.path("podSecurity").asText("restricted").equals("baseline")) {
                baseline = Optional.of(image.path("reason").asText());
            }
            known.put(
                    e.getKey(),
                    new Known(
                            Optional.of(version(image.path("version"))),
                            platform(image.path("platform").asText()),
                            baseline));
        });
        return new EngineImages(features, known);
    }

    private static EngineImage.Platform platform(String key) {
        return EngineImage.Platform.valueOf(key.toUpperCase(Locale.ROOT));
    }

    private static Version version(JsonNode node) {
        return Version.parse(node.asText())
                .orElseThrow(() -> new IllegalStateException(RESOURCE + ": not a version: " + node));
    }
}
