package io.kubeai.gitops.spec;

import java.util.Map;
import java.util.Optional;

/**
 * kubeai.yaml's {@code routing} and {@code autoscaling}: how requests reach the Models and what decides
 * how many pods serve them. Both are off until configured: per-Model Services, and a CPU autoscaler for
 * a Model that gives a replica range, as before.
 *
 * @param routing     one endpoint for every Model through a Gateway, or per-Model Services only
 * @param autoscaling what owns the replica count of a Model that gives a range
 */
public record ServingSettings(Routing routing, Autoscaling autoscaling) {

    /** The defaults when kubeai.yaml says nothing. */
    public static ServingSettings defaults() {
        return new ServingSettings(
                new Routing(
                        RoutingMode.SERVICES,
                        Optional.empty(),
                        Routing.MODEL_HEADER,
                        "300s",
                        EndpointPicker.defaults()),
                new Autoscaling(AutoscalingMode.HPA_CPU, NoRequestMetrics.FIXED, Optional.empty(), 15));
    }

    /** {@code services}: one Service per Model, nothing else; {@code gateway}: the Inference Extension. */
    public enum RoutingMode {
        SERVICES,
        GATEWAY
    }

    /**
     * @param mode           services or gateway
     * @param gateway        the Gateway the routes attach to (required with gateway)
     * @param modelHeader    the header the gateway's body-based router fills from the body's {@code model}
     * @param requestTimeout the routes' request timeout (long completions need minutes)
     * @param endpointPicker the endpoint picker each InferencePool gets
     */
    public record Routing(
            RoutingMode mode,
            Optional<GatewayRef> gateway,
            String modelHeader,
            String requestTimeout,
            EndpointPicker endpointPicker) {
        /** The header Gateway API Inference Extension's body-based router sets. */
        public static final String MODEL_HEADER = "X-Gateway-Model-Name";
    }

    /**
     * A user-named Gateway; the generator never renders it (it belongs to the platform team).
     *
     * @param name        the Gateway's name
     * @param namespace   its namespace; empty means the Models' namespace
     * @param sectionName one listener of it; empty means every listener that admits the routes
     */
    public record GatewayRef(String name, Optional<String> namespace, Optional<String> sectionName) {}

    /**
     * The endpoint picker (EPP) deployed beside each InferencePool.
     *
     * @param image       the upstream EPP image
     * @param failureMode FailOpen (route anyway when the picker is down) or FailClose
     * @param flowControl hold requests in the picker while a pool is saturated or scaling from zero
     * @param requests    the picker's resource requests
     * @param limits      the picker's resource limits
     */
    public record EndpointPicker(
            String image,
            String failureMode,
            boolean flowControl,
            Map<String, String> requests,
            Map<String, String> limits) {
        public static final String IMAGE = "registry.k8s.io/gateway-api-inference-extension/epp:v1.5.0";

        public EndpointPicker {
            requests = SortedMaps.copyOf(requests);
            limits = SortedMaps.copyOf(limits);
        }

        static EndpointPicker defaults() {
            return new EndpointPicker(
                    IMAGE, "FailOpen", true, Map.of("cpu", "500m", "memory", "512Mi"), Map.of("memory", "2Gi"));
        }
    }

    /** {@code hpa-cpu}: today's HPA; {@code keda}: request-based ScaledObjects; {@code fixed}: no autoscaler. */
    public enum AutoscalingMode {
        HPA_CPU,
        KEDA,
        FIXED
    }

    /** What a Model whose engine publishes no request metrics gets under {@code keda}. */
    public enum NoRequestMetrics {
        FIXED,
        HPA_CPU
    }

    /**
     * @param mode                  hpa-cpu, keda or fixed
     * @param withoutRequestMetrics fixed or hpa-cpu, for engines other than vLLM under keda
     * @param prometheus            where KEDA reads vLLM's metrics (required with keda)
     * @param pollingInterval       seconds between KEDA's queries
     */
    public record Autoscaling(
            AutoscalingMode mode,
            NoRequestMetrics withoutRequestMetrics,
            Optional<Prometheus> prometheus,
            int pollingInterval) {}

    /**
     * @param serverAddress the Prometheus (or compatible) query URL
     * @param auth          credentials, when the server asks for them
     */
    public record Prometheus(String serverAddress, Optional<PrometheusAuth> auth) {}

    /**
     * Credentials KEDA presents to Prometheus, from a Secret the generator only references.
     *
     * @param mode       bearer (key {@code token}) or basic (keys {@code username}, {@code password})
     * @param secretName the Secret
     */
    public record PrometheusAuth(String mode, String secretName) {}
}
