package io.kubeai.gitops.spec;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubeai.gitops.api.diagnostic.Diagnostic;
import io.kubeai.gitops.wording.ReaderHints;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/** Reads FineTuneJob documents from finetunes/. */
public final class FineTuneReader {
    private final List<Diagnostic> diagnostics;

    public FineTuneReader(List<Diagnostic> diagnostics) {
        this.diagnostics = diagnostics;
    }

    public Optional<FineTuneJob> read(YamlDocument doc) {
        if (doc.root().isNull()) {
            return Optional.empty();
        }
        Fields root = Fields.at(doc, "", doc.root(), diagnostics);
        if (!root.isPresent()) {
            return Optional.empty();
        }
        root.string("apiVersion")
                .filter(v -> !v.equals(ModelReader.API_VERSION))
                .ifPresent(
                        v -> root.errorAt("apiVersion", ReaderHints.unsupportedApiVersion(v, ModelReader.API_VERSION)));
        String kind = root.string("kind").orElse("");
        if (!kind.equals("FineTuneJob")) {
            root.error(root.has("kind") ? root.child("kind") : "", ReaderHints.wrongKindInFinetunes(kind));
            return Optional.empty();
        }
        root.allow("status");
        Fields metadata = root.object("metadata");
        String name = metadata.string("name").orElse("");
        if (name.isEmpty()) {
            metadata.error(metadata.pointer(), ReaderHints.jobNameMissing());
        }
        metadata.string("namespace");
        metadata.stringMap("labels");
        metadata.stringMap("annotations");
        metadata.finish();

        Fields spec = root.object("spec");
        String model = require(spec, "model", "the base Model's metadata.name");
        String training = require(spec, "training_file", "an s3:// or hf:// URL of the training data");
        Fields hp = spec.object("hyperparameters");
        FineTuneJob.Hyperparameters hyperparameters = new FineTuneJob.Hyperparameters(
                autoOrInteger(hp, "n_epochs"),
                autoOrInteger(hp, "batch_size"),
                autoOrNumber(hp, "learning_rate_multiplier"));
        hp.finish();
        FineTuneJob job = new FineTuneJob(
                name,
                model,
                training,
                spec.string("validation_file"),
                hyperparameters,
                spec.string("suffix"),
                spec.string("storage_url"),
                spec.string("image"),
                spec.string("resourceProfile"),
                Origin.of(root));
        spec.finish();
        root.finish();
        return Optional.of(job);
    }

    private static String require(Fields spec, String name, String what) {
        Optional<String> value = spec.string(name);
        if (value.isEmpty() || value.get().isBlank()) {
            spec.error(spec.pointer(), ReaderHints.missing(name, what));
            return "";
        }
        return value.get();
    }

    /** OpenAI accepts "auto" for every hyperparameter: the trainer's own default. */
    private static Integer autoOrInteger(Fields hp, String name) {
        Optional<JsonNode> raw = hp.raw(name);
        if (raw.isEmpty() || raw.get().asText().equals("auto")) {
            return null;
        }
        Integer value = hp.integer(name).orElse(null);
        if (value != null && value < 1) {
            hp.errorAt(name, ReaderHints.hyperparameterCount(name));
        }
        return value;
    }

    private static BigDecimal autoOrNumber(Fields hp, String name) {
        Optional<JsonNode> raw = hp.raw(name);
        if (raw.isEmpty() || raw.get().asText().equals("auto")) {
            return null;
        }
        if (!raw.get().isNumber()
                || (raw.get().isDouble() && !Double.isFinite(raw.get().doubleValue()))
                || raw.get().decimalValue().signum() <= 0) {
            hp.errorAt(name, ReaderHints.hyperparameterNumber(name));
            return null;
        }
        return raw.get().decimalValue();
    }
}
