package io.kubeai.gitops.e2e;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which command-line flags and load formats a vLLM image has, by the version in its tag: the fake vLLM
 * refuses the rest as vLLM's argparse does. The engine capability data of the generator is the authority
 * once it has this; until then this table holds what vLLM's release notes say for the flags the generator
 * renders and the ones Models commonly pass.
 */
final class VllmVersions {
    private static final Pattern TAG = Pattern.compile(":v?(\\d+)\\.(\\d+)\\.(\\d+)");

    /** Flags and the first version (major, minor, patch as one number) that has each. */
    private static final Map<String, Integer> FLAGS = new TreeMap<>(Map.ofEntries(
            Map.entry("--model", 0),
            Map.entry("--served-model-name", 0),
            Map.entry("--revision", 0),
            Map.entry("--tokenizer", 0),
            Map.entry("--max-model-len", 0),
            Map.entry("--dtype", 0),
            Map.entry("--quantization", 0),
            Map.entry("--download-dir", 0),
            Map.entry("--tensor-parallel-size", 0),
            Map.entry("--gpu-memory-utilization", 0),
            Map.entry("--enable-prefix-caching", 0),
            Map.entry("--enforce-eager", 0),
            Map.entry("--trust-remote-code", 0),
            Map.entry("--host", 0),
            Map.entry("--port", 0),
            Map.entry("--max-num-seqs", 0),
            Map.entry("--load-format", 0),
            Map.entry("--enable-lora", 3_000),
            Map.entry("--max-loras", 3_000),
            Map.entry("--max-lora-rank", 3_000),
            Map.entry("--max-cpu-loras", 3_000),
            Map.entry("--lora-modules", 3_000),
            Map.entry("--model-loader-extra-config", 4_000)));

    /** Load formats after the first version that has each. */
    private static final Map<String, Integer> LOAD_FORMATS = Map.of(
            "auto", 0,
            "safetensors", 0,
            "pt", 0,
            // Run:ai's streamer, from local disks and S3.
            "runai_streamer", 7_000);

    /** The runtime LoRA API (VLLM_ALLOW_RUNTIME_LORA_UPDATING). */
    static final int RUNTIME_LORA = 6_002;

    private VllmVersions() {}

    /** The version of an image tag as one number (0.10.1 is 10_001), or empty when the tag names none. */
    static Optional<Integer> of(String image) {
        Matcher m = TAG.matcher(image);
        if (!m.find()) {
            return Optional.empty();
        }
        return Optional.of(Integer.parseInt(m.group(1)) * 1_000_000
                + Integer.parseInt(m.group(2)) * 1_000
                + Integer.parseInt(m.group(3)));
    }

    /** What vLLM's argparse would say about {@code args}, or empty when it accepts them. */
    static Optional<String> problem(int version, List<String> flags, Map<String, String> values) {
        for (String flag : flags) {
            Integer since = FLAGS.get(flag);
            if (since == null || version < since) {
                return Optional.of("unrecognized arguments: " + flag);
            }
        }
        String format = values.get("--load-format");
        if (format != null) {
            Integer since = LOAD_FORMATS.get(format);
            if (since == null || version < since) {
                return Optional.of("argument --load-format: invalid choice: '" + format + "'");
            }
        }
        return Optional.empty();
    }

    /** The flags that take no value. */
    static final Set<String> SWITCHES =
            Set.of("--enable-lora", "--enable-prefix-caching", "--enforce-eager", "--trust-remote-code");
}
