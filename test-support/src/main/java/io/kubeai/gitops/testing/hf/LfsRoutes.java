package io.kubeai.gitops.testing.hf;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The git-lfs batch API ({@code POST /{repo}.git/info/lfs/objects/batch}) and the upload and verify
 * URLs it hands out: {@code basic} single PUTs, or {@code multipart} when a chunk size is set.
 */
final class LfsRoutes {
    private final HfTestServer server;

    LfsRoutes(HfTestServer server) {
        this.server = server;
    }

    void batch(Exchange ex, String repoId) throws IOException {
        ex.repo = repoId;
        if (server.findRepo(repoId).isEmpty()) {
            ex.error(404, "RepoNotFound", "Repository not found");
            return;
        }
        JsonNode body = ex.bodyJson(JsonNode.class);
        if (!"upload".equals(body.path("operation").asText())) {
            ex.error(400, null, "only the upload operation is supported");
            return;
        }
        long chunk = server.lfsMultipartChunkSize();
        boolean multipart = chunk > 0;
        List<Map<String, Object>> objects = new ArrayList<>();
        for (JsonNode o : body.path("objects")) {
            String oid = o.path("oid").asText();
            long size = o.path("size").asLong();
            Map<String, Object> obj = new LinkedHashMap<>();
            obj.put("oid", oid);
            obj.put("size", size);
            obj.put("authenticated", true);
            if (!server.blobs().has(oid)) {
                String href = server.endpoint() + "/lfs-upload/" + oid;
                Map<String, Object> upload = new LinkedHashMap<>();
                upload.put("href", href);
                if (multipart) {
                    Map<String, String> header = new LinkedHashMap<>();
                    header.put("chunk_size", Long.toString(chunk));
                    long parts = Math.max(1, (size + chunk - 1) / chunk);
                    for (int i = 1; i <= parts; i++) {
                        header.put(String.format("%05d", i), href + "?part=" + i);
                    }
                    upload.put("header", header);
                }
                obj.put(
                        "actions",
                        Map.of("upload", upload, "verify", Map.of("href", server.endpoint() + "/lfs-verify/" + oid)));
            }
            objects.add(obj);
        }
        ex.response.getHeaders().put("Content-Type", "application/vnd.git-lfs+json");
        ex.json(200, Map.of("transfer", multipart ? "multipart" : "basic", "objects", objects));
    }

    /** {@code PUT /lfs-upload/{oid}[?part=N]} stores a body or a part of it. */
    void upload(Exchange ex, String oid) throws IOException {
        String part = ex.param("part");
        if (part != null) {
            Path dir = server.partsDir(oid);
            Path target = dir.resolve(String.format("%05d", Integer.parseInt(part)));
            try (InputStream in = ex.body()) {
                Files.copy(in, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            ex.response.getHeaders().put("ETag", "\"part-" + part + "-" + Files.size(target) + "\"");
            ex.send(200, "text/plain", new byte[0]);
            return;
        }
        try (InputStream in = ex.body()) {
            store(ex, oid, in);
        }
    }

    /** {@code POST /lfs-upload/{oid}} completes a multipart upload from its stored parts. */
    void complete(Exchange ex, String oid) throws IOException {
        ex.bodyJson(JsonNode.class);
        Path dir = server.partsDir(oid);
        List<InputStream> streams = new ArrayList<>();
        try (var listing = Files.list(dir)) {
            for (Path p : listing.sorted().toList()) {
                streams.add(Files.newInputStream(p));
            }
        }
        try (InputStream in = new SequenceInputStream(Collections.enumeration(streams))) {
            store(ex, oid, in);
        }
    }

    void verify(Exchange ex, String oid) throws IOException {
        JsonNode body = ex.bodyJson(JsonNode.class);
        if (server.blobs().has(oid)
                && Files.size(server.blobs().path(oid)) == body.path("size").asLong()) {
            ex.json(200, Map.of("message", "ok"));
        } else {
            ex.error(404, null, "object " + oid + " was not uploaded");
        }
    }

    private void store(Exchange ex, String oid, InputStream in) throws IOException {
        Blobs.Stored stored = server.blobs().put(in);
        if (!stored.sha256().equals(oid)) {
            Files.deleteIfExists(server.blobs().path(stored.sha256()));
            ex.error(400, null, "sha256 of the upload is " + stored.sha256() + ", not " + oid);
            return;
        }
        ex.send(200, "text/plain", new byte[0]);
    }
}
