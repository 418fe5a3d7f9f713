package io.kubeai.gitops.validate;

import io.kubeai.gitops.api.diagnostic.Diagnostic;
import io.kubeai.gitops.plan.traffic.ReplicaOwner;
import io.kubeai.gitops.plan.traffic.ServedModel;
import io.kubeai.gitops.plan.traffic.TrafficPlanner;
import io.kubeai.gitops.resolve.ModelResolution;
import io.kubeai.gitops.resolve.Names;
import io.kubeai.gitops.resolve.Resolution;
import io.kubeai.gitops.spec.Diagnostics;
import io.kubeai.gitops.spec.Engine;
import io.kubeai.gitops.spec.KubeAIConfig;
import io.kubeai.gitops.spec.LoadBalancing;
import io.kubeai.gitops.spec.Model;
import io.kubeai.gitops.spec.ModelSpec;
import io.kubeai.gitops.spec.ModelTraffic;
import io.kubeai.gitops.spec.Scaling;
import io.kubeai.gitops.spec.ServingSettings;
import io.kubeai.gitops.wording.Hints;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reports the Model fields that routing and autoscaling cannot honour with kubeai.yaml as it is: KubeAI's
 * proxy settings where no endpoint picker or request-based autoscaler runs, and ranges that an engine
 * without request metrics cannot scale on.
 */
final class TrafficRules {
    private final ServingSettings serving;
    private final List<Diagnostic> diagnostics;

    TrafficRules(KubeAIConfig config, List<Diagnostic> diagnostics) {
        this.serving = config.serving();
        this.diagnostics = diagnostics;
    }

    void check(Resolution resolution) {
        List<Model> models =
                resolution.models().stream().map(ModelResolution::model).toList();
        Map<String, Model> byName =
                models.stream().collect(Collectors.toMap(Model::name, Function.identity(), (a, b) -> a));
        for (Model model : models) {
            check(model);
            if (serving.routing().mode() == ServingSettings.RoutingMode.GATEWAY
                    && model.name().endsWith("-epp")) {
                Model owner = byName.get(model.name().substring(0, model.name().length() - "-epp".length()));
                if (owner != null
                        && Engine.named(owner.spec().server().engine())
                                .filter(Engine::publishesRequestMetrics)
                                .isPresent()) {
                    error(model, "/metadata/name", Hints.pickerNameTaken(model.name(), owner.name()));
                }
            }
        }
    }

    private void check(Model model) {
        ModelSpec spec = model.spec();
        ModelTraffic traffic = spec.traffic();
        Optional<Engine> engine = Engine.named(spec.server().engine());
        if (engine.isEmpty()) {
            return; // ModelRules reports the unknown engine
        }
        ServedModel served =
                new ServedModel(model.name(), Names.modelObject(model.name()), engine.get(), "", List.of(), traffic);
        Scaling scaling = spec.scaling();
        ReplicaOwner owner = ReplicaOwner.of(serving.autoscaling(), served);
        boolean range = scaling.maxReplicas() != null
                && !scaling.autoscalingDisabled()
                && scaling.maxReplicas() > Math.max(1, scaling.minReplicas() == null ? 1 : scaling.minReplicas());
        boolean zeroRange = scaling.maxReplicas() != null
                && !scaling.autoscalingDisabled()
                && scaling.minReplicas() != null
                && scaling.minReplicas() == 0;
        boolean requestScaled = owner == ReplicaOwner.REQUESTS && (range || zeroRange);
        if (!requestScaled) {
            if (traffic.targetRequests() != null) {
                warning(model, "/spec/targetRequests", Hints.noRequestScaling("targetRequests"));
            }
            if (traffic.scaleDownDelaySeconds() != null) {
                warning(model, "/spec/scaleDownDelaySeconds", Hints.noRequestScaling("scaleDownDelaySeconds"));
            }
        }
        if (zeroRange && !ReplicaOwner.zeroAllowed(serving, served)) {
            warning(model, "/spec/minReplicas", Hints.zeroNeedsQueue());
        }
        int min = Math.max(1, scaling.minReplicas() == null ? 1 : scaling.minReplicas());
        if (range && serving.autoscaling().mode() == ServingSettings.AutoscalingMode.KEDA && !served.vllm()) {
            warning(
                    model,
                    "/spec/maxReplicas",
                    Hints.noRequestMetrics(
                            spec.server().engine(), min, scaling.maxReplicas(), owner == ReplicaOwner.CPU_HPA));
        }
        if (range && serving.autoscaling().mode() == ServingSettings.AutoscalingMode.FIXED) {
            warning(model, "/spec/maxReplicas", Hints.rangePinned(min, scaling.maxReplicas()));
        }
        traffic.loadBalancing().ifPresent(lb -> checkLoadBalancing(model, served, lb));
    }

    private void checkLoadBalancing(Model model, ServedModel served, LoadBalancing lb) {
        if (serving.routing().mode() != ServingSettings.RoutingMode.GATEWAY) {
            warning(model, "/spec/loadBalancing", Hints.noPickerWithoutGateway());
            return;
        }
        if (!served.vllm()) {
            warning(
                    model,
                    "/spec/loadBalancing",
                    Hints.noPickerWithoutVllm(
                            TrafficPlanner.pickerName(model.name()),
                            model.spec().server().engine()));
            return;
        }
        if (!lb.strategy().equals(LoadBalancing.LEAST_LOAD) && !lb.strategy().equals(LoadBalancing.PREFIX_HASH)) {
            warning(model, "/spec/loadBalancing/strategy", Hints.unknownStrategy(lb.strategy()));
        }
        lb.prefixHash()
                .filter(h -> h.meanLoadFactor() != null || h.replication() != null || h.prefixCharLength() != null)
                .ifPresent(h -> warning(model, "/spec/loadBalancing/prefixHash", Hints.prefixHashTuning()));
    }

    private void warning(Model model, String pointer, String message) {
        diagnostics.add(Diagnostics.warning(model.origin().keyAt(pointer), message));
    }

    private void error(Model model, String pointer, String message) {
        diagnostics.add(Diagnostics.error(model.origin().at(pointer), message));
    }
}
