package io.kubeai.gitops.plan;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import java.util.List;

/** A training Job's base model: the volumes and init containers that provide it, and the trainer's mount. */
record BaseModel(List<Volume> volumes, List<Container> initContainers, VolumeMount mount) {

    BaseModel {
        volumes = List.copyOf(volumes);
        initContainers = List.copyOf(initContainers);
    }
}
