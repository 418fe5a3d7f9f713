package io.kubeai.gitops.finetune.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubeai.gitops.finetune.ApiException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code POST /v1/fine_tuning/jobs}: OpenAI's request plus KubeAI's {@code storage_url}. Only the shape
 * is checked here; what the values mean (does the Model exist, is the URL usable) is decided by the
 * generator's own FineTuneJob validation when the spec is rendered.
 *
 * @param model           the base Model's metadata.name
 * @param trainingFile    a file id ({@code file-...}) or an s3:// or hf:// URL
 * @param validationFile  the same, optional
 * @param hyperparameters n_epochs, batch_size, learning_rate_multiplier as given (numbers or "auto")
 * @param suffix          OpenAI's suffix
 * @param seed            the seed, if given
 * @param metadata        up to 16 string pairs kept with the job
 * @param storageUrl      where the adapter goes; empty means the config's default
 */
public record JobRequest(
        String model,
        String trainingFile,
        Optional<String> validationFile,
        Map<String, JsonNode> hyperparameters,
        Optional<String> suffix,
        Optional<Long> seed,
        Map<String, String> metadata,
        Optional<String> storageUrl) {

    private static final Set<String> FIELDS = Set.of(
            "model",
            "training_file",
            "validation_file",
            "hyperparameters",
            "suffix",
            "seed",
            "metadata",
            "method",
            "integrations",
            "storage_url");
    private static final Set<String> HYPERPARAMETERS = Set.of("n_epochs", "batch_size", "learning_rate_multiplier");

    public static JobRequest parse(JsonNode body) throws ApiException {
        if (body == null || !body.isObject()) {
            throw ApiException.invalid(null, "invalid_json", "the request body must be a JSON object");
        }
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw ApiException.invalid(
                        name, "unknown_parameter", "Unrecognized request argument supplied: " + name);
            }
        }
        JsonNode integrations = body.path("integrations");
        if (!integrations.isMissingNode() && !integrations.isNull() && !integrations.isEmpty()) {
            throw ApiException.invalid("integrations", "unsupported", "integrations are not supported by this server");
        }
        Map<String, JsonNode> hyperparameters = hyperparameters(body);
        Optional<String> suffix = optionalText(body, "suffix");
        if (suffix.isPresent() && suffix.get().length() > 64) {
            throw ApiException.invalid("suffix", "invalid_value", "suffix must be at most 64 characters");
        }
        JsonNode seed = body.path("seed");
        if (!seed.isMissingNode() && !seed.isNull() && !seed.canConvertToLong()) {
            throw ApiException.invalid("seed", "invalid_type", "seed must be an integer");
        }
        return new JobRequest(
                requiredText(body, "model"),
                requiredText(body, "training_file"),
                optionalText(body, "validation_file"),
                hyperparameters,
                suffix,
                seed.isMissingNode() || seed.isNull() ? Optional.empty() : Optional.of(seed.asLong()),
                metadata(body.path("metadata")),
                optionalText(body, "storage_url"));
    }

    /** The deprecated top-level hyperparameters, or the same under {@code method.supervised}. */
    private static Map<String, JsonNode> hyperparameters(JsonNode body) throws ApiException {
        JsonNode method = body.path("method");
        JsonNode values = body.path("hyperparameters");
        String param = "hyperparameters";
        if (!method.isMissingNode() && !method.isNull()) {
            String type = method.path("type").asText("supervised");
            if (!type.equals("supervised")) {
                throw ApiException.invalid(
                        "method.type",
                        "unsupported",
                        "method.type '" + type + "' is not supported; this server trains LoRA adapters (supervised)");
            }
            JsonNode nested = method.path("supervised").path("hyperparameters");
            if (!nested.isMissingNode() && !nested.isNull()) {
                values = nested;
                param = "method.supervised.hyperparameters";
            }
        }
        Map<String, JsonNode> result = new LinkedHashMap<>();
        if (values.isMissingNode() || values.isNull()) {
            return result;
        }
        if (!values.isObject()) {
            throw ApiException.invalid(param, "invalid_type", param + " must be an object");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = values.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!HYPERPARAMETERS.contains(e.getKey())) {
                throw ApiException.invalid(
                        param + "." + e.getKey(),
                        "unknown_parameter",
                        "unknown hyperparameter '" + e.getKey()
                                + "'; use n_epochs, batch_size or learning_rate_multiplier");
            }
            if (!e.getValue().isNull()) {
                result.put(e.getKey(), e.getValue());
            }
        }
        return result;
    }

    private static Map<String, String> metadata(JsonNode node) throws ApiException {
        Map<String, String> result = new LinkedHashMap<>();
        if (node.isMissingNode() || node.isNull()) {
            return result;
        }
        if (!node.isObject() || node.size() > 16) {
            throw ApiException.invalid("metadata", "invalid_value", "metadata must be an object of at most 16 strings");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isTextual()
                    || e.getKey().length() > 64
                    || e.getValue().asText().length() > 512) {
                throw ApiException.invalid(
                        "metadata." + e.getKey(),
                        "invalid_value",
                        "metadata values must be strings of at most 512 characters, keys at most 64");
            }
            result.put(e.getKey(), e.getValue().asText());
        }
        return result;
    }

    private static String requiredText(JsonNode body, String name) throws ApiException {
        return optionalText(body, name)
                .orElseThrow(() -> ApiException.invalid(
                        name, "missing_required_parameter", "Missing required parameter: '" + name + "'"));
    }

    private static Optional<String> optionalText(JsonNode body, String name) throws ApiException {
        JsonNode value = body.path(name);
        if (value.isMissingNode() || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw ApiException.invalid(name, "invalid_type", name + " must be a string");
        }
        return Optional.of(value.asText()).filter(s -> !s.isBlank());
    }

    /** The request as canonical JSON: the same request always gives the same text (for idempotency). */
    public String canonical(com.fasterxml.jackson.databind.ObjectMapper json) {
        ObjectNode node = json.createObjectNode();
        node.put("model", model).put("training_file", trainingFile);
        validationFile.ifPresent(v -> node.put("validation_file", v));
        new java.util.TreeMap<>(hyperparameters).forEach(node.putObject("hyperparameters")::set);
        suffix.ifPresent(v -> node.put("suffix", v));
        seed.ifPresent(v -> node.put("seed", v));
        new java.util.TreeMap<>(metadata).forEach(node.putObject("metadata")::put);
        storageUrl.ifPresent(v -> node.put("storage_url", v));
        return node.toString();
    }
}
