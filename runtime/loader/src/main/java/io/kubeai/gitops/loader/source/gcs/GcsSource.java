package io.kubeai.gitops.loader.source.gcs;

import io.kubeai.gitops.loader.api.LoaderException;
import io.kubeai.gitops.loader.location.BucketLocation;
import io.kubeai.gitops.loader.retry.ErrorMapper;
import io.kubeai.gitops.loader.source.RangeResponses;
import io.kubeai.gitops.loader.source.SourceFile;
import io.kubeai.gitops.loader.source.bucket.BucketSource;
import java.io.IOException;
import java.nio.channels.ReadableByteChannel;
import java.util.List;
import java.util.Optional;

/**
 * Objects under a Cloud Storage prefix, through the JSON API. The listing gives every object's
 * CRC32C, which is checked at next to no cost (md5 only for an object without one). Downloads are
 * pinned to the listed generation, which plays the ETag's part: all parts of a file come from one
 * version of the object.
 */
public final class GcsSource extends BucketSource {
    private final GcsApi api;

    public GcsSource(String url, BucketLocation location, GcsApi api) {
        super(url, location);
        this.api = api;
    }

    @Override
    protected List<StoredObject> listUnder(String bucket, String prefix) throws LoaderException {
        return api.list(bucket, prefix).stream()
                .map(o -> new StoredObject(
                        o.name(), o.size(), o.generation(), o.crc32c() == null ? o.md5() : null, o.crc32c()))
                .toList();
    }

    @Override
    protected Optional<byte[]> read(String bucket, String key) throws LoaderException {
        return api.getIfExists(bucket, key);
    }

    @Override
    public ReadableByteChannel open(SourceFile file, long start, long end) throws IOException {
        BucketLocation at = location();
        return RangeResponses.body(
                api.download(at.bucket(), at.key(file.path()), file.etag(), RangeResponses.header(start, end)),
                file,
                describe(file),
                start,
                end);
    }

    @Override
    public ErrorMapper errors() {
        return api.mapper(false);
    }
}
