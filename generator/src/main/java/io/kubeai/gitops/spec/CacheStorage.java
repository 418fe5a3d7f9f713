package io.kubeai.gitops.spec;

import java.util.Optional;

/** The three kinds of cache profile of the model-management proposal. */
public sealed interface CacheStorage {

    /**
     * Copies of models in an object store: {@code bucket: {url: s3://bucket/prefix/}}.
     *
     * @param url   the bucket and prefix
     * @param local true to run the bucket in the cluster (SeaweedFS), for laptops and clusters with no
     *              object store: no cloud account, no credential in Git
     * @param size  the local store's volume size
     */
    record Bucket(String url, boolean local, String size) implements CacheStorage {}

    /**
     * One ReadWriteMany volume shared by every Model of the profile.
     *
     * @param storageClass the RWX storage class (EFS, Filestore, NFS)
     * @param mode         the proposal's mode field; only {@code SharedFilesystem} is defined
     * @param baseDir      folder inside the volume that holds the caches
     * @param size         requested size of the shared volume
     */
    record SharedFilesystem(String storageClass, String mode, String baseDir, String size) implements CacheStorage {}

    /**
     * A disk per Model, filled ReadWriteOnce, snapshotted and served ReadOnlyMany.
     *
     * @param storageClass           the storage class of both volumes
     * @param size                   default size of a Model's disk (a Model may override it)
     * @param snapshotClass          the VolumeSnapshotClass, if not the cluster's default
     * @param maxReadOnlyAttachments how many nodes may attach the disk read-only (GCP Hyperdisk ML: 2,500)
     */
    record StaticVolume(
            String storageClass, String size, Optional<String> snapshotClass, Optional<Integer> maxReadOnlyAttachments)
            implements CacheStorage {}
}
