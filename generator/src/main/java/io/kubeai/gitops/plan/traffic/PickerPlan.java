package io.kubeai.gitops.plan.traffic;

import java.util.List;
import java.util.Map;

/**
 * The endpoint picker of one InferencePool: its Deployment, Service, ServiceAccount, Role and binding.
 *
 * @param name       the picker's objects' name ({@code <model>-epp})
 * @param model      the Model it picks pods of
 * @param pool       the InferencePool it serves
 * @param image      the upstream EPP image
 * @param args       its command line
 * @param requests   resource requests
 * @param limits     resource limits
 * @param configHash a hash of its configuration, on the pod template so a new config restarts it
 */
public record PickerPlan(
        String name,
        String model,
        String pool,
        String image,
        List<String> args,
        Map<String, String> requests,
        Map<String, String> limits,
        String configHash) {
    public static final int EXT_PROC_PORT = 9002;
    public static final int HEALTH_PORT = 9003;
    public static final int METRICS_PORT = 9090;
    /** The picker's configuration file inside its ConfigMap and pod. */
    public static final String CONFIG_KEY = "config.yaml";

    public PickerPlan {
        args = List.copyOf(args);
        requests = Map.copyOf(requests);
        limits = Map.copyOf(limits);
    }
}
