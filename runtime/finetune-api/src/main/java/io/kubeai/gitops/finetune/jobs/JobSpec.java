package io.kubeai.gitops.finetune.jobs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The FineTuneJob file a request becomes, {@code finetunes/<id>.yaml}: the same request always gives the
 * same bytes, and the request field behind each line is remembered, so the generator's diagnostics can
 * be answered with OpenAI's {@code param}. Every value is written as a JSON string or number, so no
 * user input can become YAML structure.
 *
 * @param file   the path in the GitOps repo
 * @param text   the file's content
 * @param params the request field of each line (index 0 is line 1); null where none
 */
public record JobSpec(String file, String text, List<String> params) {

    /**
     * @param trainingUrl   the training data's URL (a file id already resolved)
     * @param validationUrl the validation data's URL, if any
     */
    public static JobSpec of(
            ObjectMapper json, String id, JobRequest request, String trainingUrl, Optional<String> validationUrl) {
        Lines out = new Lines(json);
        out.add(null, "# Created through the finetuning API (POST /v1/fine_tuning/jobs); the job's id is its name.");
        out.add(null, "apiVersion: kubeai.org/v1");
        out.add(null, "kind: FineTuneJob");
        out.add(null, "metadata:");
        out.add(null, "  name: " + id);
        out.add(null, "  annotations:");
        out.add(null, "    kubeai.org/created-by: finetune-api");
        if (!trainingUrl.equals(request.trainingFile())) {
            out.add("training_file", "    kubeai.org/training-file-id: " + out.quote(request.trainingFile()));
        }
        if (request.validationFile().isPresent() && !validationUrl.equals(request.validationFile())) {
            out.add(
                    "validation_file",
                    "    kubeai.org/validation-file-id: "
                            + out.quote(request.validationFile().get()));
        }
        request.seed().ifPresent(s -> out.add("seed", "    kubeai.org/seed: " + out.quote(Long.toString(s))));
        out.add(null, "spec:");
        out.add("model", "  model: " + out.quote(request.model()));
        out.add("training_file", "  training_file: " + out.quote(trainingUrl));
        validationUrl.ifPresent(u -> out.add("validation_file", "  validation_file: " + out.quote(u)));
        if (!request.hyperparameters().isEmpty()) {
            out.add("hyperparameters", "  hyperparameters:");
            for (Map.Entry<String, JsonNode> e : request.hyperparameters().entrySet()) {
                out.add("hyperparameters." + e.getKey(), "    " + e.getKey() + ": " + out.value(e.getValue()));
            }
        }
        request.suffix().ifPresent(s -> out.add("suffix", "  suffix: " + out.quote(s)));
        request.storageUrl().ifPresent(u -> out.add("storage_url", "  storage_url: " + out.quote(u)));
        return new JobSpec("finetunes/" + id + ".yaml", out.text(), out.params);
    }

    /** The request field behind a line of the file, if any. */
    public Optional<String> paramAt(int line) {
        return line >= 1 && line <= params.size() ? Optional.ofNullable(params.get(line - 1)) : Optional.empty();
    }

    private static final class Lines {
        private final ObjectMapper json;
        private final StringBuilder text = new StringBuilder();
        private final List<String> params = new ArrayList<>();

        Lines(ObjectMapper json) {
            this.json = json;
        }

        void add(String param, String line) {
            text.append(line).append('\n');
            params.add(param);
        }

        String quote(String value) {
            return value(json.getNodeFactory().textNode(value));
        }

        String value(JsonNode value) {
            try {
                // A JSON scalar is a YAML flow scalar; a list or object stays flow YAML the reader rejects.
                return json.writeValueAsString(value);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }

        String text() {
            return text.toString();
        }
    }
}
