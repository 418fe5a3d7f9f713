package io.kubeai.gitops.loader.dest.s3;

import io.kubeai.gitops.loader.api.CompletionMarker;
import io.kubeai.gitops.loader.api.FileEntry;
import io.kubeai.gitops.loader.api.LoaderException;
import io.kubeai.gitops.loader.api.TransferOptions;
import io.kubeai.gitops.loader.dest.Destination;
import io.kubeai.gitops.loader.dest.DoneJob;
import io.kubeai.gitops.loader.dest.FileJob;
import io.kubeai.gitops.loader.location.BucketLocation;
import io.kubeai.gitops.loader.source.SourceFile;
import io.kubeai.gitops.loader.source.s3.S3Access;
import io.kubeai.gitops.loader.source.s3.S3Objects;
import io.kubeai.gitops.loader.verify.MarkerJson;
import java.io.IOException;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.MultipartUpload;

/** An S3 prefix as the cache; see the package description. */
public final class S3Prefix implements Destination {
    static final String META_SHA256 = "kubeai-sha256";
    static final String META_IDENTITY = "kubeai-identity";
    private static final int MAX_PARTS = 10_000;

    private final S3Access s3;
    private final BucketLocation location;
    private boolean staleUploadsAborted;
    /** The files the marker found at the start listed: where a skipped object's CRC32C comes from. */
    private Map<String, FileEntry> previous = Map.of();

    public S3Prefix(S3Access s3, BucketLocation location) {
        this.s3 = s3;
        this.location = location;
    }

    @Override
    public String display() {
        return location.display();
    }

    S3Access s3() {
        return s3;
    }

    BucketLocation location() {
        return location;
    }

    @Override
    public Optional<CompletionMarker> readMarker() throws LoaderException {
        Optional<byte[]> bytes = s3.getIfExists(location.bucket(), location.key(CompletionMarker.PATH));
        if (bytes.isEmpty()) {
            return Optional.empty();
        }
        try {
            CompletionMarker marker = MarkerJson.read(bytes.get());
            previous = marker.files().stream().collect(Collectors.toMap(FileEntry::path, f -> f, (a, b) -> a));
            return Optional.of(marker);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    @Override
    public void removeMarker() throws LoaderException {
        S3Objects.delete(s3, location.bucket(), location.key(CompletionMarker.PATH));
    }

    @Override
    public void writeMarker(CompletionMarker marker) throws LoaderException {
        S3Objects.put(
                s3,
                location.bucket(),
                location.key(CompletionMarker.PATH),
                MarkerJson.write(marker),
                "application/json");
    }

    /** 16 MiB unless asked otherwise: parts are held in memory on their way to the bucket. */
    @Override
    public long partSize(long requested) {
        return requested != TransferOptions.AUTO_PART_SIZE ? requested : 16L << 20;
    }

    @Override
    public FileJob prepare(SourceFile file, long partSize) throws LoaderException {
        abortStaleUploads();
        String key = location.key(file.path());
        Optional<HeadObjectResponse> head = S3Objects.headIfExists(s3, location.bucket(), key);
        if (head.isPresent() && head.get().contentLength() == file.size()) {
            Map<String, String> meta = head.get().metadata();
            String sha = meta.get(META_SHA256);
            if (sha != null
                    && file.identity().equals(meta.get(META_IDENTITY))
                    && (file.sha256() == null || file.sha256().equals(sha))) {
                FileEntry before = previous.get(file.path());
                String crc = before != null && before.size() == file.size() && sha.equals(before.sha256())
                        ? before.crc32c()
                        : null;
                return new DoneJob(file, new FileEntry(file.path(), file.size(), sha, crc));
            }
        }
        long size = Math.max(partSize, TransferOptions.MIN_PART_SIZE);
        size = Math.max(size, (file.size() + MAX_PARTS - 1) / MAX_PARTS);
        return new S3FileJob(this, file, key, size);
    }

    /** Multipart uploads a killed run left under the prefix would cost storage forever. */
    private synchronized void abortStaleUploads() {
        if (staleUploadsAborted) {
            return;
        }
        staleUploadsAborted = true;
        try {
            for (MultipartUpload u : s3.client()
                    .listMultipartUploads(b -> b.bucket(location.bucket()).prefix(location.prefix()))
                    .uploads()) {
                s3.client()
                        .abortMultipartUpload(
                                b -> b.bucket(location.bucket()).key(u.key()).uploadId(u.uploadId()));
            }
        } catch (RuntimeException e) {
            // Some S3-compatible stores cannot list uploads; their lifecycle rules clean up instead.
        }
    }

    @Override
    public void prune(Set<String> keep, Collection<FileEntry> previous) throws LoaderException {
        for (FileEntry old : previous) {
            if (!keep.contains(old.path())) {
                S3Objects.delete(s3, location.bucket(), location.key(old.path()));
            }
        }
    }

    @Override
    public void seal(Collection<FileEntry> files) {
        // Completed objects are durable; there is no bookkeeping to remove.
    }
}
