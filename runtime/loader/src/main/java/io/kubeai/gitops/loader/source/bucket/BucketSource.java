package io.kubeai.gitops.loader.source.bucket;

import io.kubeai.gitops.loader.api.CompletionMarker;
import io.kubeai.gitops.loader.api.LoaderException;
import io.kubeai.gitops.loader.location.BucketLocation;
import io.kubeai.gitops.loader.source.Listing;
import io.kubeai.gitops.loader.source.Source;
import io.kubeai.gitops.loader.source.SourceFile;
import io.kubeai.gitops.loader.verify.MarkerIndex;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The objects under a bucket prefix, whatever the store's API: a URL that names one object loads that
 * object; a marker of ours at the prefix (a bucket cache the loader filled) vouches for the files it
 * lists; the store's own checksums are checked for the rest; the revision is a digest of the listing.
 */
public abstract class BucketSource implements Source {
    private final String url;
    /** The prefix; narrowed to an object's folder when the URL names a single object. */
    private BucketLocation location;

    private Listing listing;

    /**
     * One object of a listing.
     *
     * @param key the object's key
     * @param size its size
     * @param version what pins its content for ranged reads (an ETag, a generation)
     * @param md5 the md5 the store vouches for, in hex, or null
     * @param crc32c the CRC32C the store vouches for, in hex, or null
     */
    public record StoredObject(String key, long size, String version, String md5, String crc32c) {}

    protected BucketSource(String url, BucketLocation location) {
        this.url = url;
        this.location = location;
    }

    /** Every object whose key starts with {@code prefix}. */
    protected abstract List<StoredObject> listUnder(String bucket, String prefix) throws LoaderException;

    /** An object's bytes, or empty when there is none. */
    protected abstract Optional<byte[]> read(String bucket, String key) throws LoaderException;

    @Override
    public final String url() {
        return url;
    }

    @Override
    public final String revision() throws LoaderException {
        return list().revision();
    }

    /** The prefix as narrowed by the listing. */
    protected final synchronized BucketLocation location() {
        return location;
    }

    @Override
    public final synchronized Listing list() throws LoaderException {
        if (listing != null) {
            return listing;
        }
        String prefix = location.prefix();
        List<StoredObject> objects = listUnder(location.bucket(), prefix);
        if (objects.stream().noneMatch(o -> o.key().length() > prefix.length()) && !prefix.isEmpty()) {
            // Nothing under the prefix: the URL may name one object, such as s3://data/sql/train.jsonl.
            String exact = prefix.substring(0, prefix.length() - 1);
            List<StoredObject> single = listUnder(location.bucket(), exact).stream()
                    .filter(o -> o.key().equals(exact))
                    .toList();
            if (!single.isEmpty()) {
                location = location.withPrefix(exact.substring(0, exact.lastIndexOf('/') + 1));
                objects = single;
            }
        }
        MarkerIndex marker = new MarkerIndex(read(location.bucket(), location.key(CompletionMarker.PATH)));
        List<SourceFile> files = new ArrayList<>();
        ListingDigest digest = new ListingDigest();
        for (StoredObject o : objects) {
            String path = o.key().substring(location.prefix().length());
            if (path.isEmpty() || path.endsWith("/") || SourceFile.isBookkeeping(path)) {
                continue;
            }
            // A marker of ours has stronger checksums than the store's md5: no need to compute both.
            String md5 = marker.find(path, o.size()).isPresent() ? null : o.md5();
            files.add(marker.vouch(new SourceFile(path, o.size(), null, md5, null, o.version(), o.crc32c())));
            digest.add(path, o.size(), o.version());
        }
        files.sort(Comparator.comparing(SourceFile::path));
        listing = new Listing(digest.revision(), files);
        return listing;
    }

    @Override
    public String describe(SourceFile file) {
        BucketLocation at = location();
        return at.store().scheme() + "://" + at.bucket() + "/" + at.key(file.path());
    }
}
