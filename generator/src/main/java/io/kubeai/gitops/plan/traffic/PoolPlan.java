package io.kubeai.gitops.plan.traffic;

/**
 * An InferencePool ({@code inference.networking.k8s.io/v1}) over one Model's server pods.
 *
 * @param name        the pool's name, the Model's object name
 * @param model       the Model's name as written, its pods' {@code kubeai.org/model} label
 * @param port        the engine's container port
 * @param picker      the endpoint picker's Service
 * @param pickerPort  its ext-proc port
 * @param failureMode FailOpen or FailClose
 */
public record PoolPlan(String name, String model, int port, String picker, int pickerPort, String failureMode) {}
