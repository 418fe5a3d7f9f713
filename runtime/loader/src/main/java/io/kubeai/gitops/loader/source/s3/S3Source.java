package io.kubeai.gitops.loader.source.s3;

import io.kubeai.gitops.loader.api.LoaderException;
import io.kubeai.gitops.loader.http.HttpResponse;
import io.kubeai.gitops.loader.location.BucketLocation;
import io.kubeai.gitops.loader.retry.ErrorMapper;
import io.kubeai.gitops.loader.source.RangeResponses;
import io.kubeai.gitops.loader.source.SourceFile;
import io.kubeai.gitops.loader.source.bucket.BucketSource;
import java.io.IOException;
import java.nio.channels.ReadableByteChannel;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Objects under a prefix of a store that speaks the S3 API. Single-part ETags (plain md5) are
 * checked; ranged reads send {@code If-Match} so all parts of a file come from one version of the
 * object.
 */
public final class S3Source extends BucketSource {
    private final S3Access s3;

    public S3Source(String url, BucketLocation location, S3Access s3) {
        super(url, location);
        this.s3 = s3;
    }

    @Override
    protected List<StoredObject> listUnder(String bucket, String prefix) throws LoaderException {
        return s3.list(bucket, prefix).stream()
                .map(o -> {
                    String etag = o.etag();
                    // A single-part ETag is the md5 of the object.
                    String md5 = etag != null && etag.matches("[0-9a-fA-F]{32}") ? etag.toLowerCase(Locale.ROOT) : null;
                    return new StoredObject(o.key(), o.size(), etag, md5, null);
                })
                .toList();
    }

    @Override
    protected Optional<byte[]> read(String bucket, String key) throws LoaderException {
        return s3.getIfExists(bucket, key);
    }

    @Override
    public ReadableByteChannel open(SourceFile file, long start, long end) throws IOException {
        Map<String, String> headers = new HashMap<>();
        headers.put("Range", RangeResponses.header(start, end));
        if (file.etag() != null) {
            headers.put("If-Match", "\"" + file.etag() + "\"");
        }
        BucketLocation at = location();
        HttpResponse r = s3.http().get(s3.presignGet(at.bucket(), at.key(file.path())), headers);
        return RangeResponses.body(r, file, describe(file), start, end);
    }

    @Override
    public ErrorMapper errors() {
        return s3.mapper();
    }
}
