package io.kubeai.gitops.plan.traffic;

import io.kubeai.gitops.spec.Engine;
import io.kubeai.gitops.spec.ModelTraffic;
import java.util.ArrayList;
import java.util.List;

/**
 * What routing and autoscaling need to know of one Model.
 *
 * @param name       the Model's name as written: what clients ask for, and its pods' {@code kubeai.org/model} label
 * @param objectName the name of its Kubernetes objects (Deployment, Service), derived from {@code name}
 * @param engine   its engine
 * @param image    the server image, whose tag tells the vLLM version
 * @param adapters the names of its adapters, served as {@code <model>_<adapter>}
 * @param traffic  targetRequests, scaleDownDelaySeconds, loadBalancing
 */
public record ServedModel(
        String name, String objectName, Engine engine, String image, List<String> adapters, ModelTraffic traffic) {
    /** vLLM's adapter naming, as KubeAI's: the Model's name, an underscore, the adapter's name. */
    public static final String ADAPTER_SEPARATOR = "_";

    public ServedModel {
        adapters = List.copyOf(adapters);
    }

    /** True for vLLM: it publishes request metrics and speaks the protocol the endpoint picker scrapes. */
    public boolean vllm() {
        return engine.publishesRequestMetrics();
    }

    /** Every model name a client may put in a request's {@code model} field to reach this Model's pods. */
    public List<String> requestNames() {
        List<String> names = new ArrayList<>();
        names.add(name);
        adapters.stream().sorted().forEach(a -> names.add(name + ADAPTER_SEPARATOR + a));
        return names;
    }
}
