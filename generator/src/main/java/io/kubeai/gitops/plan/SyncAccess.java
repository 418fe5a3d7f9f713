package io.kubeai.gitops.plan;

/**
 * What the adapter-sync sidecar may do through the API server: read its Model's adapters ConfigMap (get,
 * list and watch that one name) and post Events. Templates receive it as {@code r}.
 *
 * @param name           the Role's and RoleBinding's name, and the ServiceAccount's when one is created
 * @param model          the Model's name, for the labels
 * @param configMap      the one ConfigMap the Role reads
 * @param serviceAccount the pod's ServiceAccount, the RoleBinding's subject
 */
public record SyncAccess(String name, String model, String configMap, String serviceAccount) {

    /** True when the pod runs as a ServiceAccount of the generator's own, rendered beside the Role. */
    public boolean createsServiceAccount() {
        return serviceAccount.equals(name);
    }
}
