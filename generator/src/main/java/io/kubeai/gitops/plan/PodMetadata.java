package io.kubeai.gitops.plan;

import io.kubeai.gitops.resolve.Names;
import io.kubeai.gitops.resolve.ResolvedModel;
import io.kubeai.gitops.spec.Annotations;
import io.kubeai.gitops.spec.ModelFile;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The labels and annotations of a Model's pods: the Model's own metadata (so policies, cost reports and
 * monitors that select on them see the pods), the generator's labels over it, and a hash of the Model's
 * files, so that a changed file rolls the pods (a ConfigMap change alone restarts nothing).
 *
 * @param labels      the pod template's labels
 * @param annotations the pod template's annotations
 */
record PodMetadata(Map<String, String> labels, Map<String, String> annotations) {
    static final String FILES_HASH = "kubeai.org/files-hash";

    /** Metadata that belongs to the Model object or to a tool managing it, not to its pods. */
    private static final List<String> NOT_FOR_PODS =
            List.of("kubectl.kubernetes.io/", "argocd.argoproj.io/", "kustomize.toolkit.fluxcd.io/", "meta.helm.sh/");

    static PodMetadata of(ResolvedModel model) {
        Map<String, String> labels = new TreeMap<>();
        model.model().labels().forEach((k, v) -> {
            if (forPods(k)) {
                labels.put(k, v);
            }
        });
        labels.put("app.kubernetes.io/name", model.objectName());
        labels.put("app.kubernetes.io/component", "server");
        labels.put("kubeai.org/model", model.name());
        labels.put("kubeai.org/engine", model.engine().specName());
        Map<String, String> annotations = new TreeMap<>();
        model.model().annotations().forEach((k, v) -> {
            if (forPods(k) && !k.equals(Annotations.CACHE_SIZE)) {
                annotations.put(k, v);
            }
        });
        List<ModelFile> files = model.spec().server().files();
        if (!files.isEmpty()) {
            StringBuilder content = new StringBuilder();
            files.forEach(f ->
                    content.append(f.path()).append('\0').append(f.content()).append('\0'));
            annotations.put(FILES_HASH, Names.hash(content.toString(), 16));
        }
        return new PodMetadata(labels, annotations);
    }

    private static boolean forPods(String key) {
        return NOT_FOR_PODS.stream().noneMatch(key::startsWith) && !key.startsWith("kubeai.org/");
    }
}
