package io.kubeai.gitops.loader.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubeai.gitops.loader.api.LoaderException;
import io.kubeai.gitops.loader.api.LoaderException.Reason;
import io.kubeai.gitops.loader.http.Body;
import io.kubeai.gitops.loader.http.HttpResponse;
import io.kubeai.gitops.loader.retry.ErrorMapper;
import io.kubeai.gitops.loader.source.hf.HfApi;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Uploads LFS objects with the git-lfs batch API: the Hub answers with a {@code basic} PUT URL, or a
 * {@code multipart} set of part URLs and a completion URL, for each object it does not have yet.
 */
final class LfsUploader {
    /** An object to upload: its file, size and sha256 (the LFS oid). */
    record LfsObject(String path, Path file, long size, String oid) {}

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LFS_JSON = "application/vnd.git-lfs+json";
    private static final int BATCH = 100;

    private final HfApi api;
    private final String repo;
    private final String branch;
    private final int concurrency;

    LfsUploader(HfApi api, String repo, String branch, int concurrency) {
        this.api = api;
        this.repo = repo;
        this.branch = branch;
        this.concurrency = concurrency;
    }

    /** Uploads the objects the Hub lacks; returns the bytes sent. */
    long upload(List<LfsObject> objects) throws LoaderException {
        long sent = 0;
        ExecutorService pool = Executors.newFixedThreadPool(concurrency, r -> {
            Thread t = new Thread(r, "loader-lfs");
            t.setDaemon(true);
            return t;
        });
        try {
            for (int i = 0; i < objects.size(); i += BATCH) {
                List<LfsObject> batch = objects.subList(i, Math.min(objects.size(), i + BATCH));
                Map<String, LfsObject> byOid = new HashMap<>();
                batch.forEach(o -> byOid.put(o.oid(), o));
                List<Future<Long>> uploads = new ArrayList<>();
                for (JsonNode answer : batch(batch).path("objects")) {
                    LfsObject o = byOid.get(answer.path("oid").asText());
                    if (o == null) {
                        continue;
                    }
                    if (answer.has("error")) {
                        throw new LoaderException(
                                Reason.TRANSFER,
                                "the Hub refused the LFS upload of " + o.path() + ": "
                                        + answer.path("error")
                                                .path("message")
                                                .asText(answer.path("error").toString()));
                    }
                    JsonNode actions = answer.path("actions");
                    if (actions.has("upload")) {
                        uploads.add(pool.submit(() -> uploadOne(o, actions)));
                    }
                }
                for (Future<Long> f : uploads) {
                    sent += await(f);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return sent;
    }

    private JsonNode batch(List<LfsObject> objects) throws LoaderException {
        ObjectNode body = JSON.createObjectNode();
        body.put("operation", "upload");
        body.putArray("transfers").add("basic").add("multipart");
        body.put("hash_algo", "sha256");
        body.putObject("ref").put("name", "refs/heads/" + branch);
        ArrayNode list = body.putArray("objects");
        objects.forEach(o -> list.addObject().put("oid", o.oid()).put("size", o.size()));
        URI uri = URI.create(api.endpoint() + "/" + repo + ".git/info/lfs/objects/batch");
        Map<String, String> headers = api.headers();
        headers.put("Accept", LFS_JSON);
        headers.put("Content-Type", LFS_JSON);
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        return api.retrier()
                .call(
                        "asking the Hub where to upload LFS objects of hf://" + repo,
                        attempt -> {
                            try (HttpResponse r = api.http().send("POST", uri, headers, Body.of(bytes))) {
                                return JSON.readTree(r.bytes());
                            }
                        },
                        api.mapper(repo, branch));
    }

    private long uploadOne(LfsObject o, JsonNode actions) throws LoaderException {
        JsonNode upload = actions.path("upload");
        JsonNode header = upload.path("header");
        if (header.has("chunk_size")) {
            multipart(o, upload);
        } else {
            URI href = URI.create(upload.path("href").asText());
            Map<String, String> headers = strings(header);
            api.retrier()
                    .call(
                            "uploading " + o.path() + " to the Hub",
                            attempt -> {
                                try (HttpResponse r =
                                        api.http().send("PUT", href, headers, Body.ofFile(o.file(), 0, o.size()))) {
                                    r.bytes();
                                    return null;
                                }
                            },
                            ErrorMapper.DEFAULT);
        }
        if (actions.has("verify")) {
            JsonNode verify = actions.path("verify");
            Map<String, String> headers = api.headers();
            headers.putAll(strings(verify.path("header")));
            headers.put("Accept", LFS_JSON);
            headers.put("Content-Type", LFS_JSON);
            byte[] body = JSON.createObjectNode()
                    .put("oid", o.oid())
                    .put("size", o.size())
                    .toString()
                    .getBytes(StandardCharsets.UTF_8);
            URI href = URI.create(verify.path("href").asText());
            api.retrier()
                    .call(
                            "verifying the LFS upload of " + o.path(),
                            attempt -> {
                                try (HttpResponse r = api.http().send("POST", href, headers, Body.of(body))) {
                                    r.bytes();
                                    return null;
                                }
                            },
                            api.mapper(repo, branch));
        }
        return o.size();
    }

    /** Sends the parts one after another (files run in parallel), then completes the upload. */
    private void multipart(LfsObject o, JsonNode upload) throws LoaderException {
        JsonNode header = upload.path("header");
        long chunk = Long.parseLong(header.path("chunk_size").asText());
        List<Integer> numbers = new ArrayList<>();
        for (Iterator<String> it = header.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (name.matches("\\d+")) {
                numbers.add(Integer.parseInt(name));
            }
        }
        numbers.sort(null);
        ArrayNode parts = JSON.createArrayNode();
        for (int n : numbers) {
            URI href = URI.create(header.path(String.format("%05d", n))
                    .asText(header.path(Integer.toString(n)).asText()));
            long start = (n - 1) * chunk;
            long length = Math.min(chunk, o.size() - start);
            String etag = api.retrier()
                    .call(
                            "uploading part " + n + " of " + o.path() + " to the Hub",
                            attempt -> {
                                try (HttpResponse r =
                                        api.http().send("PUT", href, Map.of(), Body.ofFile(o.file(), start, length))) {
                                    r.bytes();
                                    return r.header("ETag");
                                }
                            },
                            ErrorMapper.DEFAULT);
            parts.addObject().put("partNumber", n).put("etag", etag);
        }
        ObjectNode done = JSON.createObjectNode().put("oid", o.oid());
        done.set("parts", parts);
        byte[] body = done.toString().getBytes(StandardCharsets.UTF_8);
        URI href = URI.create(upload.path("href").asText());
        Map<String, String> headers = Map.of("Accept", LFS_JSON, "Content-Type", LFS_JSON);
        api.retrier()
                .call(
                        "completing the upload of " + o.path(),
                        attempt -> {
                            try (HttpResponse r = api.http().send("POST", href, headers, Body.of(body))) {
                                r.bytes();
                                return null;
                            }
                        },
                        ErrorMapper.DEFAULT);
    }

    private static Map<String, String> strings(JsonNode headers) {
        Map<String, String> map = new HashMap<>();
        headers.properties().forEach(e -> map.put(e.getKey(), e.getValue().asText()));
        return map;
    }

    private static long await(Future<Long> f) throws LoaderException {
        try {
            return f.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof LoaderException le) {
                throw le;
            }
            throw new LoaderException(Reason.IO, "LFS upload failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LoaderException(Reason.TRANSFER, "interrupted", e);
        }
    }
}
