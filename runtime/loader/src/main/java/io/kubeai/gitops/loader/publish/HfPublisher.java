package io.kubeai.gitops.loader.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubeai.gitops.loader.api.CompletionMarker;
import io.kubeai.gitops.loader.api.FileEntry;
import io.kubeai.gitops.loader.api.LoaderException;
import io.kubeai.gitops.loader.api.LoaderException.Reason;
import io.kubeai.gitops.loader.api.LoaderListener;
import io.kubeai.gitops.loader.api.PublishRequest;
import io.kubeai.gitops.loader.api.PublishResult;
import io.kubeai.gitops.loader.http.HttpStatusException;
import io.kubeai.gitops.loader.http.HttpTransport;
import io.kubeai.gitops.loader.location.HfLocation;
import io.kubeai.gitops.loader.progress.Formats;
import io.kubeai.gitops.loader.retry.Retrier;
import io.kubeai.gitops.loader.source.FileSelection;
import io.kubeai.gitops.loader.source.Listing;
import io.kubeai.gitops.loader.source.hf.HfApi;
import io.kubeai.gitops.loader.source.local.LocalSource;
import io.kubeai.gitops.loader.verify.Digests;
import io.kubeai.gitops.loader.verify.MarkerJson;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Publishes a directory to a Hub repository in one commit: the repository is created if missing,
 * LFS files are uploaded first, then one commit adds every file and the marker (and removes files
 * the previous marker listed that are gone), and the new commit's listing is checked.
 */
final class HfPublisher {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PublishRequest request;
    private final HfLocation location;
    private final LoaderListener listener;

    HfPublisher(PublishRequest request, HfLocation location) {
        this.request = request;
        this.location = location;
        this.listener = request.listener();
    }

    PublishResult execute() throws LoaderException {
        try (HttpTransport http = new HttpTransport(
                request.options().connectTimeout(), request.options().readTimeout())) {
            return execute(http);
        }
    }

    private PublishResult execute(HttpTransport http) throws LoaderException {
        long start = System.nanoTime();
        Digests.warmUpInBackground();
        String token = request.env()
                .hfToken()
                .orElseThrow(() -> new LoaderException(
                        Reason.INPUT,
                        "publishing to the Hub needs a token with write access: set HF_TOKEN or HF_TOKEN_PATH"));
        HfApi api = new HfApi(
                request.env().hfEndpoint(),
                token,
                http,
                new Retrier(request.options().retry(), listener));
        String repo = location.repo();
        String branch = location.revision();
        Path dir = request.directory().toAbsolutePath().normalize();

        Listing listing = new LocalSource(dir.toString(), dir).list();
        FileSelection.Result chosen =
                new FileSelection(request.includes(), request.excludes(), false).apply(listing.files());
        if (chosen.selected().isEmpty()) {
            throw new LoaderException(Reason.INPUT, "nothing to publish: " + dir + " has no selected files");
        }
        List<FileEntry> entries =
                Hashing.sha256All(dir, chosen.selected(), request.options().concurrency());
        long total = entries.stream().mapToLong(FileEntry::size).sum();
        CompletionMarker marker = new CompletionMarker(
                1,
                dir.toUri().toString(),
                listing.revision(),
                "include=" + request.includes() + ";exclude=" + request.excludes() + ";defaultExcludes=false",
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
                total,
                entries);

        createRepo(api, repo);
        Optional<CompletionMarker> previous = remoteMarker(api, repo, branch);
        if (previous.isPresent()
                && previous.get().revision().equals(marker.revision())
                && previous.get().files().equals(marker.files())) {
            listener.info("already published: hf://" + repo + "@" + branch + " holds these files");
            return new PublishResult(
                    request.destination(),
                    previous.get(),
                    api.resolveRevision(repo, branch),
                    0,
                    Duration.ofNanos(System.nanoTime() - start));
        }
        Set<String> lfsPaths = lfsPaths(api, repo, branch, dir, entries);
        List<LfsUploader.LfsObject> lfs = entries.stream()
                .filter(e -> lfsPaths.contains(e.path()))
                .map(e -> new LfsUploader.LfsObject(e.path(), dir.resolve(e.path()), e.size(), e.sha256()))
                .toList();
        listener.info("publishing " + entries.size() + " file(s), " + Formats.bytes(total) + " to hf://" + repo + "@"
                + branch + " (" + lfs.size() + " in LFS)");
        long sent = new LfsUploader(api, repo, branch, request.options().concurrency()).upload(lfs);
        String commit = commit(api, repo, branch, dir, entries, lfsPaths, marker, previous);
        verify(api, repo, commit, dir, entries, lfsPaths);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        listener.info("published hf://" + repo + "@" + commit + " (" + Formats.bytes(sent) + " uploaded in "
                + Formats.duration(took) + ")");
        return new PublishResult(request.destination(), marker, commit, sent, took);
    }

    private void createRepo(HfApi api, String repo) throws LoaderException {
        ObjectNode body = JSON.createObjectNode().put("type", "model").put("private", request.privateRepo());
        int slash = repo.indexOf('/');
        body.put("name", slash < 0 ? repo : repo.substring(slash + 1));
        if (slash >= 0) {
            body.put("organization", repo.substring(0, slash));
        }
        try {
            api.postJson(
                    URI.create(api.endpoint() + "/api/repos/create"),
                    "application/json",
                    body.toString().getBytes(StandardCharsets.UTF_8),
                    "creating hf://" + repo,
                    repo);
            listener.info("created hf://" + repo + (request.privateRepo() ? " (private)" : ""));
        } catch (LoaderException e) {
            if (!(e.getCause() instanceof HttpStatusException h && h.status() == 409)) {
                throw e;
            }
        }
    }

    private Optional<CompletionMarker> remoteMarker(HfApi api, String repo, String branch) throws LoaderException {
        URI uri = api.resolveUrl(repo, branch, CompletionMarker.PATH);
        try {
            byte[] bytes = api.retrier()
                    .call(
                            "reading the marker of hf://" + repo,
                            attempt -> {
                                try (var r = api.http().get(uri, api.headers())) {
                                    return r.bytes();
                                }
                            },
                            api.mapper(repo, branch));
            return Optional.of(MarkerJson.read(bytes));
        } catch (LoaderException e) {
            if (e.getCause() instanceof HttpStatusException h && h.status() == 404) {
                return Optional.empty();
            }
            throw e;
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Asks the Hub which files go to LFS. */
    private Set<String> lfsPaths(HfApi api, String repo, String branch, Path dir, List<FileEntry> entries)
            throws LoaderException {
        ObjectNode body = JSON.createObjectNode();
        var files = body.putArray("files");
        for (FileEntry e : entries) {
            byte[] sample = Hashing.head(dir.resolve(e.path()), 512);
            files.addObject()
                    .put("path", e.path())
                    .put("size", e.size())
                    .put("sample", Base64.getEncoder().encodeToString(sample));
        }
        JsonNode answer = api.postJson(
                URI.create(api.endpoint() + HfApi.apiPath(repo) + "/preupload/" + encode(branch)),
                "application/json",
                body.toString().getBytes(StandardCharsets.UTF_8),
                "asking the Hub how to upload to hf://" + repo,
                repo);
        Set<String> lfs = new HashSet<>();
        for (JsonNode f : answer.path("files")) {
            if ("lfs".equals(f.path("uploadMode").asText())) {
                lfs.add(f.path("path").asText());
            }
        }
        return lfs;
    }

    private String commit(
            HfApi api,
            String repo,
            String branch,
            Path dir,
            List<FileEntry> entries,
            Set<String> lfs,
            CompletionMarker marker,
            Optional<CompletionMarker> previous)
            throws LoaderException {
        StringBuilder ndjson = new StringBuilder();
        ObjectNode header = JSON.createObjectNode().put("key", "header");
        header.putObject("value").put("summary", request.commitMessage()).put("description", "");
        ndjson.append(header).append('\n');
        for (FileEntry e : entries) {
            ObjectNode line = JSON.createObjectNode();
            if (lfs.contains(e.path())) {
                line.put("key", "lfsFile")
                        .putObject("value")
                        .put("path", e.path())
                        .put("algo", "sha256")
                        .put("oid", e.sha256())
                        .put("size", e.size());
            } else {
                line.put("key", "file")
                        .putObject("value")
                        .put("path", e.path())
                        .put("encoding", "base64")
                        .put("content", Base64.getEncoder().encodeToString(read(dir.resolve(e.path()))));
            }
            ndjson.append(line).append('\n');
        }
        Set<String> now = entries.stream().map(FileEntry::path).collect(Collectors.toSet());
        for (FileEntry old : previous.map(CompletionMarker::files).orElse(List.of())) {
            if (!now.contains(old.path())) {
                ObjectNode line = JSON.createObjectNode().put("key", "deletedFile");
                line.putObject("value").put("path", old.path());
                ndjson.append(line).append('\n');
            }
        }
        ObjectNode markerLine = JSON.createObjectNode().put("key", "file");
        markerLine
                .putObject("value")
                .put("path", CompletionMarker.PATH)
                .put("encoding", "base64")
                .put("content", Base64.getEncoder().encodeToString(MarkerJson.write(marker)));
        ndjson.append(markerLine).append('\n');
        JsonNode answer = api.postJson(
                URI.create(api.endpoint() + HfApi.apiPath(repo) + "/commit/" + encode(branch)),
                "application/x-ndjson",
                ndjson.toString().getBytes(StandardCharsets.UTF_8),
                "committing to hf://" + repo + "@" + branch,
                repo);
        String commit = answer.path("commitOid").asText("");
        if (commit.isEmpty()) {
            throw new LoaderException(Reason.TRANSFER, "the Hub did not confirm the commit to hf://" + repo);
        }
        return commit;
    }

    /** Checks the new commit's listing: every file there with its size, LFS oid or git blob id. */
    private void verify(HfApi api, String repo, String commit, Path dir, List<FileEntry> entries, Set<String> lfs)
            throws LoaderException {
        Map<String, JsonNode> tree = new HashMap<>();
        for (JsonNode n : api.listTree(repo, commit)) {
            tree.put(n.path("path").asText(), n);
        }
        List<String> problems = new ArrayList<>();
        for (FileEntry e : entries) {
            JsonNode n = tree.get(e.path());
            if (n == null) {
                problems.add(e.path() + " is missing");
            } else if (n.path("size").asLong(-1) != e.size()) {
                problems.add(e.path() + " has " + n.path("size").asLong() + " bytes, expected " + e.size());
            } else if (lfs.contains(e.path())
                    && !e.sha256().equals(n.path("lfs").path("oid").asText())) {
                problems.add(
                        e.path() + " has LFS oid " + n.path("lfs").path("oid").asText() + ", expected " + e.sha256());
            } else if (!lfs.contains(e.path())
                    && !Hashing.gitBlobId(read(dir.resolve(e.path())))
                            .equals(n.path("oid").asText())) {
                problems.add(e.path() + " has different content on the Hub");
            }
        }
        if (!tree.containsKey(CompletionMarker.PATH)) {
            problems.add(CompletionMarker.PATH + " is missing");
        }
        if (!problems.isEmpty()) {
            throw new LoaderException(
                    Reason.VERIFICATION,
                    "hf://" + repo + "@" + commit + " does not hold what was" + " published: "
                            + String.join("; ", problems));
        }
    }

    private static byte[] read(Path file) throws LoaderException {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new LoaderException(Reason.IO, "cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
