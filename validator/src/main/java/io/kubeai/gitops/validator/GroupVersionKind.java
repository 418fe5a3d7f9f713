package io.kubeai.gitops.validator;

/**
 * What a document says it is: the group and version of its {@code apiVersion} and its {@code kind}.
 * The core group is the empty string, so {@code v1} and {@code apps/v1} both round-trip.
 */
record GroupVersionKind(String group, String version, String kind) {

    static GroupVersionKind of(String apiVersion, String kind) {
        int slash = apiVersion.lastIndexOf('/');
        return slash < 0
                ? new GroupVersionKind("", apiVersion, kind)
                : new GroupVersionKind(apiVersion.substring(0, slash), apiVersion.substring(slash + 1), kind);
    }

    String apiVersion() {
        return group.isEmpty() ? version : group + "/" + version;
    }

    @Override
    public String toString() {
        return apiVersion() + " " + kind;
    }
}
