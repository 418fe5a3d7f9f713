package io.kubeai.gitops.spec;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The three kinds of cache profile of the model-management proposal. Each kind states its capabilities
 * here, so validation asks the kind instead of testing its class; plan switches over {@link #kind()}.
 */
public sealed interface CacheStorage {

    /** Which kind of profile this is; plan switches over it without a default. */
    Kind kind();

    /** Why Models of this kind cannot carry LoRA adapters, or empty when they can. */
    default Optional<String> whyNoAdapters() {
        return Optional.empty();
    }

    /** True when Models of this kind may carry LoRA adapters. */
    default boolean takesAdapters() {
        return whyNoAdapters().isEmpty();
    }

    /**
     * Why this kind needs a GitOps engine that applies in order (Argo CD's sync waves, Flux's dependsOn), or
     * empty when {@code kubectl apply -k} of the whole tree at once is safe.
     */
    default Optional<String> whyOrderedApply() {
        return Optional.empty();
    }

    /** How many nodes may attach one copy read-only, when the storage limits it. */
    default Optional<Integer> readOnlyAttachLimit() {
        return Optional.empty();
    }

    /** The kinds, with the key kubeai.yaml spells each with. */
    enum Kind {
        BUCKET("bucket"),
        SHARED_FILESYSTEM("sharedFilesystem"),
        STATIC_VOLUME("staticVolume");

        private final String key;

        Kind(String key) {
            this.key = key;
        }

        /** The profile's key in kubeai.yaml, also how messages name the kind. */
        public String key() {
            return key;
        }

        /** Every kind's key, for messages: {@code bucket, sharedFilesystem or staticVolume}. */
        public static String keys() {
            List<String> keys = Arrays.stream(values()).map(Kind::key).toList();
            return String.join(", ", keys.subList(0, keys.size() - 1)) + " or " + keys.get(keys.size() - 1);
        }
    }

    /**
     * Copies of models in an object store: {@code bucket: {url: s3://bucket/prefix/}}.
     *
     * @param url   the bucket and prefix
     * @param local true to run the bucket in the cluster (SeaweedFS), for laptops and clusters with no
     *              object store: no cloud account, no credential in Git
     * @param size  the local store's volume size
     * @param endpoint the S3 endpoint of this profile's store when it is not AWS S3 (MinIO, Ceph, another
     *              cloud's S3 API); a local bucket's is its Service, and other s3:// URLs keep kubeai.yaml's
     *              {@code s3.endpoint}
     */
    record Bucket(String url, boolean local, String size, Optional<String> endpoint) implements CacheStorage {
        @Override
        public Kind kind() {
            return Kind.BUCKET;
        }

        /** The bucket's name: the URL's host. */
        public String bucketName() {
            return url.substring("s3://".length()).split("/", 2)[0];
        }

        /** The bucket and prefix without a trailing '/'. */
        public String prefix() {
            return url.replaceAll("/+$", "");
        }
    }

    /**
     * One ReadWriteMany volume shared by every Model of the profile: a claim the generator renders (from a
     * storage class, or bound to a pre-provisioned PersistentVolume), or a claim that already exists.
     *
     * @param storageClass         the RWX storage class (EFS, Filestore, NFS); "" with a PersistentVolume
     * @param mode                 the proposal's mode field; only {@code SharedFilesystem} is defined
     * @param baseDir              folder inside the volume that holds the caches
     * @param size                 requested size of the shared volume
     * @param persistentVolumeName a PersistentVolume provisioned outside Kubernetes' API for the claim to
     *                             bind (KubeAI's {@code persistentVolumeName})
     * @param claimName            an existing claim to use instead of rendering one
     */
    record SharedFilesystem(
            String storageClass,
            String mode,
            String baseDir,
            String size,
            Optional<String> persistentVolumeName,
            Optional<String> claimName)
            implements CacheStorage {
        @Override
        public Kind kind() {
            return Kind.SHARED_FILESYSTEM;
        }

        /** Where a cache entry lives inside the volume. */
        public String subPath(String cacheKey) {
            return baseDir.isEmpty() ? cacheKey : baseDir + "/" + cacheKey;
        }
    }

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
            implements CacheStorage {
        @Override
        public Kind kind() {
            return Kind.STATIC_VOLUME;
        }

        @Override
        public Optional<Integer> readOnlyAttachLimit() {
            return maxReadOnlyAttachments;
        }

        @Override
        public Optional<String> whyOrderedApply() {
            return Optional.of("its VolumeSnapshot must be taken after the loader Job has filled the disk, and "
                    + "kubectl apply -k creates it at once: the read-only copy would never get the loader's "
                    + "completion marker and the serving pods would wait forever");
        }
    }
}
