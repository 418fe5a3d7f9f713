package io.kubeai.gitops.plan;

import java.util.List;

/**
 * A PersistentVolumeClaim of a cache.
 *
 * @param name         the claim's name
 * @param model        the Model it belongs to, or empty for a shared one
 * @param accessModes  ReadWriteMany, ReadWriteOnce or ReadOnlyMany
 * @param storageClass the storage class
 * @param size         the requested size
 * @param snapshot     the VolumeSnapshot to restore from, or empty
 * @param volumeName   a pre-provisioned PersistentVolume to bind, or empty
 */
public record VolumeClaim(
        String name,
        String model,
        List<String> accessModes,
        String storageClass,
        String size,
        String snapshot,
        String volumeName) {}
