package io.kubeai.gitops.testing.hf;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** The JSON API: revision info, tree listing, repository creation, preupload and commit. */
final class ApiRoutes {
    private final HfTestServer server;

    ApiRoutes(HfTestServer server) {
        this.server = server;
    }

    void revision(Exchange ex, String repoId, String revision) throws IOException {
        Optional<HfRepo.Commit> commit = findCommit(ex, repoId, revision);
        if (commit.isEmpty()) {
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("_id", repoId);
        body.put("id", repoId);
        body.put("modelId", repoId);
        body.put("sha", commit.get().sha());
        body.put("private", server.token() != null);
        body.put("gated", false);
        body.put("disabled", false);
        body.put(
                "siblings",
                commit.get().files().keySet().stream()
                        .map(p -> Map.of("rfilename", p))
                        .toList());
        ex.json(200, body);
    }

    void tree(Exchange ex, String repoId, String revision, String dir) throws IOException {
        Optional<HfRepo.Commit> commit = findCommit(ex, repoId, revision);
        if (commit.isEmpty()) {
            return;
        }
        boolean recursive = "true".equalsIgnoreCase(ex.param("recursive"));
        String prefix = dir.isEmpty() ? "" : dir + "/";
        TreeMap<String, Map<String, Object>> entries = new TreeMap<>();
        for (HfFile f : commit.get().files().values()) {
            if (!f.path().startsWith(prefix)) {
                continue;
            }
            String rest = f.path().substring(prefix.length());
            String[] parts = rest.split("/");
            int depth = recursive ? parts.length - 1 : Math.min(1, parts.length - 1);
            for (int i = 0; i < depth; i++) {
                String d = prefix + String.join("/", java.util.Arrays.copyOf(parts, i + 1));
                entries.putIfAbsent(
                        d,
                        Map.of(
                                "type",
                                "directory",
                                "oid",
                                Blobs.gitBlobOid(d.getBytes(StandardCharsets.UTF_8)),
                                "size",
                                0,
                                "path",
                                d));
            }
            if (recursive || parts.length == 1) {
                entries.put(f.path(), fileEntry(f));
            }
        }
        if (!dir.isEmpty() && entries.isEmpty()) {
            ex.error(404, "EntryNotFound", dir + " does not exist on \"" + revision + "\"");
            return;
        }
        List<Map<String, Object>> all = new ArrayList<>(entries.values());
        int from = ex.param("cursor") == null ? 0 : Integer.parseInt(ex.param("cursor"));
        int to = Math.min(all.size(), from + server.treePageSize());
        if (to < all.size()) {
            String next = server.endpoint() + ex.path + "?" + (recursive ? "recursive=true&" : "") + "cursor=" + to;
            ex.response.getHeaders().put("Link", "<" + next + ">; rel=\"next\"");
        }
        ex.json(200, all.subList(from, to));
    }

    private static Map<String, Object> fileEntry(HfFile f) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("type", "file");
        e.put("oid", f.gitOid());
        e.put("size", f.size());
        e.put("path", f.path());
        if (f.lfs()) {
            e.put(
                    "lfs",
                    Map.of(
                            "oid",
                            f.sha256(),
                            "size",
                            f.size(),
                            "pointerSize",
                            HfFile.pointer(new Blobs.Stored(f.sha256(), f.size(), null))
                                    .length()));
        }
        return e;
    }

    void createRepo(Exchange ex) throws IOException {
        JsonNode body = ex.bodyJson(JsonNode.class);
        String name = body.path("name").asText("");
        String org = body.path("organization").asText("");
        String id = org.isEmpty() ? name : org + "/" + name;
        if (name.isEmpty()) {
            ex.error(400, null, "name is required");
            return;
        }
        ex.repo = id;
        if (server.findRepo(id).isPresent()) {
            ex.json(409, Map.of("error", "You already created this model repo", "url", server.endpoint() + "/" + id));
            return;
        }
        server.createRepo(id);
        ex.json(200, Map.of("url", server.endpoint() + "/" + id, "name", id));
    }

    void preupload(Exchange ex, String repoId) throws IOException {
        ex.repo = repoId;
        if (server.findRepo(repoId).isEmpty()) {
            ex.error(404, "RepoNotFound", "Repository not found");
            return;
        }
        JsonNode body = ex.bodyJson(JsonNode.class);
        List<Map<String, Object>> files = new ArrayList<>();
        for (JsonNode f : body.path("files")) {
            String path = f.path("path").asText();
            boolean lfs = HfRepo.defaultLfs(path, f.path("size").asLong());
            files.add(Map.of("path", path, "uploadMode", lfs ? "lfs" : "regular", "shouldIgnore", false));
        }
        ex.json(200, Map.of("files", files));
    }

    /** The NDJSON commit: a header line, then file, lfsFile and deletedFile lines. */
    void commit(Exchange ex, String repoId, String revision) throws IOException {
        ex.repo = repoId;
        Optional<HfRepo> repo = server.findRepo(repoId);
        if (repo.isEmpty()) {
            ex.error(404, "RepoNotFound", "Repository not found");
            return;
        }
        String summary = "";
        Map<String, HfFile> added = new TreeMap<>();
        Set<String> deleted = new HashSet<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(ex.body(), StandardCharsets.UTF_8))) {
            for (String line; (line = reader.readLine()) != null; ) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode op = Exchange.JSON.readTree(line);
                JsonNode value = op.path("value");
                String path = value.path("path").asText();
                switch (op.path("key").asText()) {
                    case "header" -> summary = value.path("summary").asText("");
                    case "file" -> {
                        byte[] content = "base64".equals(value.path("encoding").asText("base64"))
                                ? Base64.getDecoder()
                                        .decode(value.path("content").asText())
                                : value.path("content").asText().getBytes(StandardCharsets.UTF_8);
                        added.put(path, HfFile.of(path, server.blobs().put(content), false));
                    }
                    case "lfsFile" -> {
                        String oid = value.path("oid").asText();
                        long size = value.path("size").asLong(-1);
                        if (!server.blobs().has(oid)
                                || java.nio.file.Files.size(server.blobs().path(oid)) != size) {
                            ex.error(422, null, "LFS pointer " + path + " points to an object that was not uploaded");
                            return;
                        }
                        added.put(path, HfFile.of(path, new Blobs.Stored(oid, size, null), true));
                    }
                    case "deletedFile" -> deleted.add(path);
                    default -> {
                        ex.error(
                                400,
                                null,
                                "unknown commit operation " + op.path("key").asText());
                        return;
                    }
                }
            }
        }
        if (repo.get().head() != null && repo.get().resolve(revision).isEmpty()) {
            ex.error(404, "RevisionNotFound", "Invalid rev id: " + revision);
            return;
        }
        HfRepo.Commit commit = repo.get().apply(revision, summary, added, deleted);
        ex.json(
                200,
                Map.of(
                        "success",
                        true,
                        "commitOid",
                        commit.sha(),
                        "commitMessage",
                        summary,
                        "commitUrl",
                        server.endpoint() + "/" + repoId + "/commit/" + commit.sha()));
    }

    private Optional<HfRepo.Commit> findCommit(Exchange ex, String repoId, String revision) throws IOException {
        ex.repo = repoId;
        Optional<HfRepo> repo = server.findRepo(repoId);
        if (repo.isEmpty()) {
            ex.error(404, "RepoNotFound", "Repository not found");
            return Optional.empty();
        }
        Optional<HfRepo.Commit> commit = repo.get().resolve(revision);
        if (commit.isEmpty()) {
            ex.error(404, "RevisionNotFound", "Invalid rev id: " + revision);
        }
        return commit;
    }
}
