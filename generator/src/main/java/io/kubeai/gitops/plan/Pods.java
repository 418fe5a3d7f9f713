package io.kubeai.gitops.plan;

import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;

/** Volumes and mounts the planners use, each built in one place. */
final class Pods {
    /** Where a shared cache volume is mounted in loader Jobs and sidecars. */
    static final String CACHE_MOUNT = "/cache";

    private Pods() {}

    static Volume claim(String name, String claim, boolean readOnly) {
        return new VolumeBuilder()
                .withName(name)
                .withNewPersistentVolumeClaim()
                .withClaimName(claim)
                .withReadOnly(readOnly ? Boolean.TRUE : null)
                .endPersistentVolumeClaim()
                .build();
    }

    static Volume emptyDir(String name) {
        return new VolumeBuilder()
                .withName(name)
                .withNewEmptyDir()
                .endEmptyDir()
                .build();
    }

    static VolumeMount mount(String name, String path, boolean readOnly) {
        VolumeMountBuilder b = new VolumeMountBuilder().withName(name).withMountPath(path);
        if (readOnly) {
            b.withReadOnly(true);
        }
        return b.build();
    }

    static VolumeMount mount(String name, String path, String subPath, boolean readOnly) {
        VolumeMountBuilder b = new VolumeMountBuilder().withName(name).withMountPath(path);
        if (!subPath.isEmpty()) {
            b.withSubPath(subPath);
        }
        if (readOnly) {
            b.withReadOnly(true);
        }
        return b.build();
    }

    static Volume tmpVolume() {
        return emptyDir("tmp");
    }

    static VolumeMount tmpMount() {
        return mount("tmp", "/tmp", false);
    }
}
