package io.kubeai.gitops.validate;

import io.kubeai.gitops.api.diagnostic.Diagnostic;
import io.kubeai.gitops.resolve.ModelResolution;
import io.kubeai.gitops.resolve.Names;
import io.kubeai.gitops.resolve.Resolution;
import io.kubeai.gitops.spec.Diagnostics;
import io.kubeai.gitops.spec.KubeAIConfig;
import io.kubeai.gitops.spec.Model;
import io.kubeai.gitops.spec.SourcePosition;
import io.kubeai.gitops.wording.Hints;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Runs every check over the config and the resolved Models and FineTuneJobs, collecting all problems. */
public final class SpecValidator {
    private final List<Diagnostic> diagnostics;

    public SpecValidator(List<Diagnostic> diagnostics) {
        this.diagnostics = diagnostics;
    }

    public void validate(Resolution resolution) {
        KubeAIConfig config = resolution.config();
        new ConfigRules(diagnostics).check(config);
        ModelRules modelRules = new ModelRules(config, diagnostics);
        ServerRules serverRules = new ServerRules(config, diagnostics);
        Map<String, SourcePosition> seen = new HashMap<>();
        Map<String, Model> byObjectName = new HashMap<>();
        for (ModelResolution resolved : resolution.models()) {
            Model model = resolved.model();
            SourcePosition here = model.origin().at("/metadata/name");
            SourcePosition first = seen.putIfAbsent(model.name(), here);
            if (first != null) {
                diagnostics.add(Diagnostics.error(here, Hints.duplicateModel(model.name(), format(first))));
            } else {
                String objectName = Names.modelObject(model.name());
                Model other = byObjectName.putIfAbsent(objectName, model);
                if (other != null) {
                    diagnostics.add(Diagnostics.error(
                            here,
                            Hints.objectNameCollision(
                                    model.name(),
                                    other.name(),
                                    format(other.origin().at("/metadata/name")),
                                    objectName)));
                }
            }
            modelRules.check(resolved);
            serverRules.check(resolved);
        }
        new FineTuneRules(config, diagnostics).check(resolution.fineTunes());
        new TrafficRules(config, diagnostics).check(resolution);
    }

    private static String format(SourcePosition p) {
        return p.line() > 0 ? p.file() + ":" + p.line() + ":" + p.column() : p.file();
    }
}
