/**
 * How requests reach a Model's pods and how many pods there are: the Gateway API Inference Extension
 * objects (InferencePool, its endpoint picker, HTTPRoutes that route by model name) and request-based
 * autoscaling with KEDA. Pure functions of the Model and kubeai.yaml; the plan package places what they
 * return into each Model's folder. Nothing here imports the plan package, so no cycle forms.
 */
package io.kubeai.gitops.plan.traffic;
