package io.kubeai.gitops.loader.source.hf;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubeai.gitops.loader.api.LoaderException;
import io.kubeai.gitops.loader.http.HttpResponse;
import io.kubeai.gitops.loader.location.HfLocation;
import io.kubeai.gitops.loader.source.Listing;
import io.kubeai.gitops.loader.source.RangeResponses;
import io.kubeai.gitops.loader.source.Source;
import io.kubeai.gitops.loader.source.SourceFile;
import java.io.IOException;
import java.nio.channels.ReadableByteChannel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** A Hub model repository at a revision, read through {@code /resolve/{commit}/...}. */
public final class HfSource implements Source {
    private final String url;
    private final HfLocation location;
    private final HfApi api;
    private String commit;

    public HfSource(String url, HfLocation location, HfApi api) {
        this.url = url;
        this.location = location;
        this.api = api;
    }

    @Override
    public String url() {
        return url;
    }

    @Override
    public synchronized String revision() throws LoaderException {
        if (commit == null) {
            commit = location.isCommit()
                    ? location.revision()
                    : api.resolveRevision(location.repo(), location.revision());
        }
        return commit;
    }

    @Override
    public Listing list() throws LoaderException {
        String sha = revision();
        List<SourceFile> files = new ArrayList<>();
        for (JsonNode e : api.listTree(location.repo(), sha)) {
            String path = e.path("path").asText();
            if (!"file".equals(e.path("type").asText()) || SourceFile.isBookkeeping(path)) {
                continue;
            }
            long size = e.path("size").asLong();
            JsonNode lfs = e.path("lfs");
            String gitOid = e.path("oid").asText(null);
            if (lfs.isObject()) {
                String oid = lfs.path("oid").asText();
                files.add(new SourceFile(path, lfs.path("size").asLong(size), oid, null, null, oid));
            } else {
                files.add(new SourceFile(path, size, null, null, gitOid, gitOid));
            }
        }
        files.sort(Comparator.comparing(SourceFile::path));
        return new Listing(sha, files);
    }

    @Override
    public ReadableByteChannel open(SourceFile file, long start, long end) throws IOException {
        Map<String, String> headers = api.headers();
        headers.put("Range", RangeResponses.header(start, end));
        HttpResponse r = api.http().get(api.resolveUrl(location.repo(), commitOrRevision(), file.path()), headers);
        return RangeResponses.body(r, file, describe(file), start, end);
    }

    @Override
    public String describe(SourceFile file) {
        return "hf://" + location.repo() + "/" + file.path();
    }

    @Override
    public io.kubeai.gitops.loader.retry.ErrorMapper errors() {
        return api.mapper(location.repo(), location.revision());
    }

    public HfApi api() {
        return api;
    }

    private synchronized String commitOrRevision() {
        return commit != null ? commit : location.revision();
    }
}
