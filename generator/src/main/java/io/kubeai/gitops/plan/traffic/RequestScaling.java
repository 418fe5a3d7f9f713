package io.kubeai.gitops.plan.traffic;

import io.kubeai.gitops.spec.ServingSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * KEDA on vLLM's own metrics: the requests running plus waiting in all of a Model's pods, divided by the
 * replicas (an AverageValue target), against {@code targetRequests}, which is what KubeAI's autoscaler
 * computes. With zero pods there are no vLLM metrics at all, so a Model that may scale to zero also
 * watches the endpoint picker's flow-control queue, where requests wait while the first pod starts.
 */
public final class RequestScaling {

    private RequestScaling() {}

    /** The PromQL for the in-flight requests of one Model, across its pods. */
    public static String inFlightQuery(String model, String namespace) {
        String selector = "{namespace=\"" + namespace + "\",model_name=\"" + model + "\"}";
        return "sum(" + VllmMetrics.RUNNING + selector + ") + sum(" + VllmMetrics.WAITING + selector + ")";
    }

    /** The PromQL for requests held by the Model's endpoint picker (flow control). */
    public static String queuedAtGatewayQuery(String pool, String namespace) {
        return "sum(inference_extension_flow_control_queue_size{namespace=\"" + namespace + "\",inference_pool=\""
                + pool + "\"}) or vector(0)";
    }

    public static ScalerPlan of(
            ServedModel model, String namespace, int min, int max, ServingSettings.Autoscaling settings) {
        ServingSettings.Prometheus prometheus = settings.prometheus().orElseThrow();
        Optional<ServingSettings.PrometheusAuth> auth = prometheus.auth();
        String modes = auth.map(ServingSettings.PrometheusAuth::mode).orElse("");
        String authentication = auth.isPresent() ? TriggerAuthPlan.NAME : "";
        String threshold = Integer.toString(model.traffic().targetRequestsOrDefault());
        java.util.function.BiFunction<String, String, ScalerPlan.Trigger> trigger = (name, query) ->
                new ScalerPlan.Trigger(name, prometheus.serverAddress(), query, threshold, "0", modes, authentication);
        List<ScalerPlan.Trigger> triggers = new ArrayList<>();
        triggers.add(trigger.apply("requests-in-flight", inFlightQuery(model.name(), namespace)));
        if (min == 0) {
            triggers.add(
                    trigger.apply("requests-queued-at-gateway", queuedAtGatewayQuery(model.objectName(), namespace)));
        }
        return new ScalerPlan(
                model.objectName(),
                model.name(),
                min,
                max,
                settings.pollingInterval(),
                model.traffic().scaleDownDelayOrDefault(),
                triggers);
    }

    /** The TriggerAuthentication for the configured credentials, if any. */
    public static Optional<TriggerAuthPlan> authentication(ServingSettings.Autoscaling settings) {
        return settings.prometheus()
                .flatMap(ServingSettings.Prometheus::auth)
                .map(auth -> new TriggerAuthPlan(
                        TriggerAuthPlan.NAME,
                        auth.secretName(),
                        auth.mode().equals("basic")
                                ? List.of(
                                        new TriggerAuthPlan.Ref("username", "username"),
                                        new TriggerAuthPlan.Ref("password", "password"))
                                : List.of(new TriggerAuthPlan.Ref("bearerToken", "token"))));
    }
}
