package io.kubeai.gitops.plan.traffic;

import io.kubeai.gitops.spec.LoadBalancing;
import io.kubeai.gitops.spec.ServingSettings;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The routing objects of one Model under {@code routing.mode: gateway}: for vLLM an InferencePool with its
 * endpoint picker, for other engines a route to the Model's Service, and for both the HTTPRoutes that
 * send every name the Model answers to (adapters included) to them.
 */
public final class TrafficPlanner {
    /** The engine's container port; every engine template listens on it. */
    public static final int SERVER_PORT = 8000;

    private final ServingSettings serving;
    private final String namespace;

    public TrafficPlanner(ServingSettings serving, String namespace) {
        this.serving = serving;
        this.namespace = namespace;
    }

    /** The Model's routing objects; none under {@code routing.mode: services}. */
    public List<TrafficObject> routing(ServedModel model) {
        List<TrafficObject> objects = new ArrayList<>();
        ServingSettings.Routing routing = serving.routing();
        if (routing.mode() == ServingSettings.RoutingMode.SERVICES) {
            return objects;
        }
        if (model.vllm()) {
            objects.addAll(picker(model, routing.endpointPicker()));
        }
        List<RoutePlan> routes = Routes.of(model, routing);
        for (int i = 0; i < routes.size(); i++) {
            objects.add(new TrafficObject("httproute.yaml.ftl", Routes.file(i), routes.get(i)));
        }
        return objects;
    }

    /** A KEDA ScaledObject for a Model whose replicas range from {@code min} to {@code max}. */
    public TrafficObject scaler(ServedModel model, int min, int max) {
        return new TrafficObject(
                "scaledobject.yaml.ftl",
                "scaledobject.yaml",
                RequestScaling.of(model, namespace, min, max, serving.autoscaling()));
    }

    private List<TrafficObject> picker(ServedModel model, ServingSettings.EndpointPicker settings) {
        String name = pickerName(model.objectName());
        String strategy =
                model.traffic().loadBalancing().map(LoadBalancing::strategy).orElse(LoadBalancing.LEAST_LOAD);
        VllmMetrics.Line metrics = VllmMetrics.forImageOrNewest(model.image());
        String config = PickerConfig.text(
                PickerConfig.scorers(strategy, !model.adapters().isEmpty()), metrics, settings.flowControl());
        List<String> args = List.of(
                "--pool-name=" + model.objectName(),
                "--pool-namespace=" + namespace,
                "--pool-group=inference.networking.k8s.io",
                "--config-file=/config/" + PickerPlan.CONFIG_KEY,
                "--grpc-port=" + PickerPlan.EXT_PROC_PORT,
                "--grpc-health-port=" + PickerPlan.HEALTH_PORT,
                "--metrics-port=" + PickerPlan.METRICS_PORT,
                // Prometheus scrapes the picker's queue metrics for scale-from-zero without a token.
                "--metrics-endpoint-auth=false",
                "--zap-encoder=json",
                "--tracing=false");
        PickerPlan picker = new PickerPlan(
                name,
                model.name(),
                model.objectName(),
                settings.image(),
                args,
                settings.requests(),
                settings.limits(),
                hash(config + settings.image()));
        List<TrafficObject> objects = new ArrayList<>();
        objects.add(new TrafficObject(
                "inferencepool.yaml.ftl",
                "inferencepool.yaml",
                new PoolPlan(
                        model.objectName(),
                        model.name(),
                        SERVER_PORT,
                        name,
                        PickerPlan.EXT_PROC_PORT,
                        settings.failureMode())));
        objects.add(new TrafficObject(
                "configmap.yaml.ftl",
                "epp-configmap.yaml",
                new PickerConfigMap(name, model.name(), Map.of(PickerPlan.CONFIG_KEY, config))));
        objects.add(new TrafficObject("epp-deployment.yaml.ftl", "epp-deployment.yaml", picker));
        objects.add(new TrafficObject("epp-service.yaml.ftl", "epp-service.yaml", picker));
        objects.add(new TrafficObject("epp-serviceaccount.yaml.ftl", "epp-serviceaccount.yaml", picker));
        objects.add(new TrafficObject("epp-role.yaml.ftl", "epp-role.yaml", picker));
        objects.add(new TrafficObject("epp-rolebinding.yaml.ftl", "epp-rolebinding.yaml", picker));
        return objects;
    }

    /** The endpoint picker's objects' name for a Model. */
    public static String pickerName(String objectName) {
        return objectName + "-epp";
    }

    /** The picker's ConfigMap, in the shape configmap.yaml.ftl reads. */
    public record PickerConfigMap(String name, String model, Map<String, String> data) {}

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
