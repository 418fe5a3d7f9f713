package io.kubeai.gitops.hook.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A trainer that keeps the trainer contract without training: it reads {@code BASE_MODEL_DIR},
 * {@code TRAINING_FILE} (the fetched file), {@code HYPERPARAMETERS}, {@code MODEL_NAME} and {@code JOB_NAME},
 * remembers what it found, and leaves a small PEFT/LoRA adapter in {@code OUTPUT_DIR}. Like a real
 * trainer it fails, exit 1, when an input is missing.
 */
public final class FakeTrainer {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * What the trainer was given.
     *
     * @param baseModel       the files under {@code BASE_MODEL_DIR}, by relative path
     * @param trainingData    the file {@code TRAINING_FILE} names, by its name
     * @param hyperparameters {@code HYPERPARAMETERS}, parsed
     * @param modelName       {@code MODEL_NAME}
     * @param jobName         {@code JOB_NAME}
     */
    public record Inputs(
            Map<String, byte[]> baseModel,
            Map<String, byte[]> trainingData,
            JsonNode hyperparameters,
            String modelName,
            String jobName) {}

    private Inputs inputs;
    private Map<String, byte[]> adapter;

    /** Runs as the container's entry point would. */
    public ContainerRun run(String container, Map<String, String> env) {
        try {
            Path baseModel = folder(env, "BASE_MODEL_DIR");
            Path training = Path.of(required(env, "TRAINING_FILE"));
            if (!Files.isRegularFile(training)) {
                throw new IllegalStateException("TRAINING_FILE=" + training + " is not a file");
            }
            Path output = folder(env, "OUTPUT_DIR");
            inputs = new Inputs(
                    files(baseModel),
                    Map.of(training.getFileName().toString(), Files.readAllBytes(training)),
                    JSON.readTree(required(env, "HYPERPARAMETERS")),
                    required(env, "MODEL_NAME"),
                    required(env, "JOB_NAME"));
            if (inputs.baseModel().isEmpty() || inputs.trainingData().isEmpty()) {
                throw new IllegalStateException("no base model or no training data");
            }
            adapter = adapterFor(inputs);
            for (Map.Entry<String, byte[]> file : adapter.entrySet()) {
                Files.write(output.resolve(file.getKey()), file.getValue());
            }
            return new ContainerRun(container, 0, "wrote " + adapter.keySet() + " to " + output + "\n", "");
        } catch (IOException | RuntimeException e) {
            return new ContainerRun(container, 1, "", "trainer: " + e + "\n");
        }
    }

    /** What the last run was given; null before it ran. */
    public Inputs inputs() {
        return inputs;
    }

    /** The adapter files the last run wrote, by name. */
    public Map<String, byte[]> adapter() {
        return adapter;
    }

    private static Map<String, byte[]> adapterFor(Inputs inputs) throws IOException {
        Map<String, Object> config = new TreeMap<>(Map.of(
                "peft_type",
                "LORA",
                "task_type",
                "CAUSAL_LM",
                "r",
                8,
                "lora_alpha",
                16,
                "base_model_name_or_path",
                inputs.modelName()));
        // A valid safetensors file without tensors: little-endian header length, then the JSON header.
        byte[] header = JSON.writeValueAsBytes(Map.of(
                "__metadata__",
                Map.of(
                        "job",
                        inputs.jobName(),
                        "n_epochs",
                        inputs.hyperparameters().path("n_epochs").asText())));
        byte[] weights = ByteBuffer.allocate(8 + header.length)
                .order(ByteOrder.LITTLE_ENDIAN)
                .putLong(header.length)
                .put(header)
                .array();
        return new TreeMap<>(
                Map.of("adapter_config.json", JSON.writeValueAsBytes(config), "adapter_model.safetensors", weights));
    }

    private static String required(Map<String, String> env, String name) {
        String value = env.get(name);
        if (value == null || value.isEmpty()) {
            throw new IllegalStateException(name + " is not set");
        }
        return value;
    }

    private static Path folder(Map<String, String> env, String name) {
        Path dir = Path.of(required(env, name));
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException(name + "=" + dir + " is not a folder");
        }
        return dir;
    }

    private static Map<String, byte[]> files(Path dir) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(dir.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
            }
        }
        return files;
    }
}
