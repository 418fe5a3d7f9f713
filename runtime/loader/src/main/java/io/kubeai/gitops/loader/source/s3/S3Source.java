package io.kubeai.gitops.loader.source.s3;

import io.kubeai.gitops.loader.api.CompletionMarker;
import io.kubeai.gitops.loader.api.FileEntry;
import io.kubeai.gitops.loader.api.LoaderException;
import io.kubeai.gitops.loader.http.HttpResponse;
import io.kubeai.gitops.loader.location.S3Location;
import io.kubeai.gitops.loader.source.Listing;
import io.kubeai.gitops.loader.source.RangeResponses;
import io.kubeai.gitops.loader.source.Source;
import io.kubeai.gitops.loader.source.SourceFile;
import io.kubeai.gitops.loader.verify.Digests;
import io.kubeai.gitops.loader.verify.MarkerJson;
import java.io.IOException;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Objects under an S3 prefix. Single-part ETags (plain md5) are checked; a marker at the prefix (a
 * bucket cache the loader filled) supplies sha256s. Ranged reads send {@code If-Match} so all parts
 * of a file come from one version of the object.
 */
public final class S3Source implements Source {
    private final String url;
    /** The prefix; narrowed to an object's folder when the URL names a single object. */
    private S3Location location;

    private final S3Access s3;
    private Listing listing;

    public S3Source(String url, S3Location location, S3Access s3) {
        this.url = url;
        this.location = location;
        this.s3 = s3;
    }

    @Override
    public String url() {
        return url;
    }

    @Override
    public String revision() throws LoaderException {
        return list().revision();
    }

    @Override
    public synchronized Listing list() throws LoaderException {
        if (listing != null) {
            return listing;
        }
        List<ListObjectsXml.Entry> objects = listUnder(location.prefix());
        if (objects.stream().noneMatch(o -> o.key().length() > location.prefix().length())
                && !location.prefix().isEmpty()) {
            // Nothing under the prefix: the URL may name one object, such as s3://data/sql/train.jsonl.
            String exact = location.prefix().substring(0, location.prefix().length() - 1);
            List<ListObjectsXml.Entry> single =
                    listUnder(exact).stream().filter(o -> o.key().equals(exact)).toList();
            if (!single.isEmpty()) {
                location = new S3Location(location.bucket(), exact.substring(0, exact.lastIndexOf('/') + 1));
                objects = single;
            }
        }
        Map<String, FileEntry> known = markerEntries();
        List<SourceFile> files = new ArrayList<>();
        MessageDigestLines digest = new MessageDigestLines();
        for (ListObjectsXml.Entry o : objects) {
            String path = o.key().substring(location.prefix().length());
            if (path.isEmpty() || path.endsWith("/") || SourceFile.isBookkeeping(path)) {
                continue;
            }
            String etag = o.etag();
            FileEntry marked = known.get(path + "\n" + o.size());
            // A single-part ETag is the md5 of the object; checked only when the prefix has no marker of
            // ours for the file, whose checksums are stronger.
            String md5 = marked == null && etag != null && etag.matches("[0-9a-fA-F]{32}") ? etag.toLowerCase() : null;
            SourceFile file = new SourceFile(path, o.size(), null, md5, null, etag);
            files.add(marked == null ? file : file.vouchedFor(marked));
            digest.add(path + "\t" + o.size() + "\t" + etag);
        }
        files.sort(Comparator.comparing(SourceFile::path));
        listing = new Listing("sha256:" + digest.hex(), files);
        return listing;
    }

    private List<ListObjectsXml.Entry> listUnder(String prefix) throws LoaderException {
        return s3.list(location.bucket(), prefix);
    }

    /** The files a marker at the prefix lists, keyed by path and size. */
    private Map<String, FileEntry> markerEntries() throws LoaderException {
        Optional<byte[]> bytes = s3.getIfExists(location.bucket(), location.key(CompletionMarker.PATH));
        Map<String, FileEntry> known = new HashMap<>();
        if (bytes.isPresent()) {
            try {
                for (FileEntry f : MarkerJson.read(bytes.get()).files()) {
                    known.put(f.path() + "\n" + f.size(), f);
                }
            } catch (IOException e) {
                // A foreign or torn marker: verify by ETag only.
            }
        }
        return known;
    }

    @Override
    public ReadableByteChannel open(SourceFile file, long start, long end) throws IOException {
        Map<String, String> headers = new HashMap<>();
        headers.put("Range", RangeResponses.header(start, end));
        if (file.etag() != null) {
            headers.put("If-Match", "\"" + file.etag() + "\"");
        }
        HttpResponse r = s3.http().get(s3.presignGet(location.bucket(), location.key(file.path())), headers);
        return RangeResponses.body(r, file, describe(file), start, end);
    }

    @Override
    public String describe(SourceFile file) {
        return "s3://" + location.bucket() + "/" + location.key(file.path());
    }

    @Override
    public io.kubeai.gitops.loader.retry.ErrorMapper errors() {
        return S3Access.mapper();
    }

    /** A sha256 over listing lines, for the content revision of a prefix. */
    static final class MessageDigestLines {
        private final java.security.MessageDigest sha = Digests.digest("SHA-256");

        void add(String line) {
            sha.update((line + "\n").getBytes(StandardCharsets.UTF_8));
        }

        String hex() {
            return HexFormat.of().formatHex(sha.digest());
        }
    }
}
