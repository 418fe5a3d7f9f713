package io.kubeai.gitops.plan;

import java.util.List;

/**
 * Where a serving pod finds its model, the pod parts that put it there, and any objects of the Model's own
 * that hold it (a static disk's claims, Job and snapshot).
 */
record Located(ModelLocation location, PodParts parts, List<ResourcePlan> resources) {

    Located {
        resources = List.copyOf(resources);
    }

    Located(ModelLocation location, PodParts parts) {
        this(location, parts, List.of());
    }
}
