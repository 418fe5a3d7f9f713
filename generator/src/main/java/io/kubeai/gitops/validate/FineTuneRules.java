package io.kubeai.gitops.validate;

import io.kubeai.gitops.api.diagnostic.Diagnostic;
import io.kubeai.gitops.resolve.FineTuneResolution;
import io.kubeai.gitops.resolve.ModelResolution;
import io.kubeai.gitops.spec.Adapter;
import io.kubeai.gitops.spec.Diagnostics;
import io.kubeai.gitops.spec.Engine;
import io.kubeai.gitops.spec.FineTuneJob;
import io.kubeai.gitops.spec.KubeAIConfig;
import io.kubeai.gitops.spec.Model;
import io.kubeai.gitops.spec.SourcePosition;
import io.kubeai.gitops.spec.SourceUrl;
import io.kubeai.gitops.wording.Hints;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Checks of FineTuneJobs: their base Model, their URLs, names and where the adapter will go. */
final class FineTuneRules {
    private static final Pattern JOB_NAME = Pattern.compile("[a-z0-9-]+");

    private final KubeAIConfig config;
    private final List<Diagnostic> diagnostics;

    FineTuneRules(KubeAIConfig config, List<Diagnostic> diagnostics) {
        this.config = config;
        this.diagnostics = diagnostics;
    }

    void check(List<FineTuneResolution> jobs) {
        Map<String, SourcePosition> seen = new HashMap<>();
        for (FineTuneResolution resolved : jobs) {
            FineTuneJob job = resolved.job();
            SourcePosition here = job.origin().at("/metadata/name");
            if (!job.name().isEmpty()) {
                SourcePosition first = seen.putIfAbsent(job.name(), here);
                if (first != null) {
                    error(
                            here,
                            Hints.duplicateJob(job.name(), first.file() + ":" + first.line() + ":" + first.column()));
                }
                if (job.name().length() > 50 || !JOB_NAME.matcher(job.name()).matches()) {
                    error(here, Hints.jobName(job.name()));
                }
            }
            url(job, "/spec/training_file", job.trainingFile(), resolved.training());
            resolved.validation()
                    .ifPresent(u -> url(
                            job, "/spec/validation_file", job.validationFile().orElse(""), u));
            checkStorage(job, resolved.adapterUrl(), resolved.adapterStorage());
            checkModel(job, resolved.base(), resolved.adapterUrl());
            if (resolved.trainer().isEmpty()) {
                String value = job.resourceProfile().orElse(config.finetuning().resourceProfile());
                error(
                        job.origin().at(job.resourceProfile().isPresent() ? "/spec/resourceProfile" : "/spec"),
                        Hints.trainerProfile(value));
            }
            if (config.finetuning().git().isEmpty()) {
                error(job.origin().at("/spec"), Hints.noGit());
            }
            if (job.image().isEmpty() && config.finetuning().image().isEmpty()) {
                error(job.origin().at("/spec"), Hints.trainerImage());
            }
        }
    }

    private void checkStorage(FineTuneJob job, Optional<String> url, Optional<SourceUrl.Result> storage) {
        if (url.isEmpty() || storage.isEmpty()) {
            error(job.origin().at("/spec"), Hints.noStorage());
            return;
        }
        String at = job.storageUrl().isPresent() ? "/spec/storage_url" : "/spec";
        SourceUrl.Result parsed = storage.get();
        if (parsed.url().isEmpty()
                || !(parsed.url().get().scheme().equals("s3")
                        || parsed.url().get().scheme().equals("hf"))) {
            error(job.origin().at(at), Hints.storageUrl(url.get()));
        }
    }

    private void checkModel(FineTuneJob job, Optional<ModelResolution> base, Optional<String> url) {
        if (job.model().isEmpty()) {
            return;
        }
        if (base.isEmpty()) {
            error(job.origin().at("/spec/model"), Hints.unknownBaseModel(job.model()));
            return;
        }
        Model model = base.get().model();
        if (base.get().engine().filter(Engine::servesAdapters).isEmpty()) {
            error(
                    job.origin().at("/spec/model"),
                    Hints.adaptersNeedVllm(model.spec().server().engine()));
        }
        base.get()
                .cache()
                .filter(p -> !p.storage().takesAdapters())
                .ifPresent(p -> error(
                        job.origin().at("/spec/model"),
                        Hints.adaptersNotTaken(
                                p.name(), p.storage().kind().key(), p.storage().whyNoAdapters())));
        for (Adapter adapter : model.spec().adapters()) {
            // The job's own adapter, committed back when it finished, is no collision.
            if (adapter.name().equals(job.name())
                    && !url.map(adapter.url()::equals).orElse(false)) {
                error(job.origin().at("/metadata/name"), Hints.jobCollides(job.name(), model.name(), adapter.url()));
            }
        }
    }

    private void url(FineTuneJob job, String at, String url, SourceUrl.Result parsed) {
        if (url.isEmpty()) {
            return;
        }
        if (parsed.url().isEmpty()) {
            error(job.origin().at(at), parsed.problem());
        } else if (!parsed.url().get().scheme().equals("s3")
                && !parsed.url().get().scheme().equals("hf")) {
            error(job.origin().at(at), Hints.trainingUrl(url));
        }
    }

    private void error(SourcePosition at, String message) {
        diagnostics.add(Diagnostics.error(at, message));
    }
}
