package io.kubeai.gitops.loader.source.hf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kubeai.gitops.loader.api.LoaderException;
import io.kubeai.gitops.loader.api.LoaderException.Reason;
import io.kubeai.gitops.loader.http.Body;
import io.kubeai.gitops.loader.http.HttpResponse;
import io.kubeai.gitops.loader.http.HttpStatusException;
import io.kubeai.gitops.loader.http.HttpTransport;
import io.kubeai.gitops.loader.retry.ErrorMapper;
import io.kubeai.gitops.loader.retry.Retrier;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The Hub's HTTP API, with retries and errors that say what to do. */
public final class HfApi {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern NEXT = Pattern.compile("<([^>]+)>\\s*;\\s*rel=\"?next\"?");

    private final URI endpoint;
    private final String token;
    private final HttpTransport http;
    private final Retrier retrier;

    public HfApi(URI endpoint, String token, HttpTransport http, Retrier retrier) {
        this.endpoint = endpoint;
        this.token = token;
        this.http = http;
        this.retrier = retrier;
    }

    public URI endpoint() {
        return endpoint;
    }

    public HttpTransport http() {
        return http;
    }

    public Retrier retrier() {
        return retrier;
    }

    /** The request headers: the token as Bearer, when there is one. */
    public Map<String, String> headers() {
        Map<String, String> h = new HashMap<>();
        if (token != null) {
            h.put("Authorization", "Bearer " + token);
        }
        h.put("User-Agent", "kubeai-loader");
        return h;
    }

    /** Resolves a branch, tag or commit to a commit id. */
    public String resolveRevision(String repo, String revision) throws LoaderException {
        URI uri = URI.create(endpoint + apiPath(repo) + "/revision/" + encode(revision));
        JsonNode info = getJson(uri, "resolving revision '" + revision + "' of hf://" + repo, repo, revision);
        String sha = info.path("sha").asText("");
        if (!sha.matches("[0-9a-f]{40}")) {
            throw new LoaderException(
                    Reason.INPUT, "the Hub gave no commit id for revision '" + revision + "' of hf://" + repo);
        }
        return sha;
    }

    /** Lists every file of a commit, following the listing's pages. */
    public List<JsonNode> listTree(String repo, String commit) throws LoaderException {
        List<JsonNode> entries = new ArrayList<>();
        URI next = URI.create(endpoint + apiPath(repo) + "/tree/" + commit + "?recursive=true&expand=false");
        while (next != null) {
            URI page = next;
            Object[] result = retrier.call(
                    "listing the files of hf://" + repo + "@" + commit,
                    attempt -> {
                        try (HttpResponse r = http.get(page, headers())) {
                            return new Object[] {JSON.readTree(r.bytes()), r.header("Link")};
                        }
                    },
                    mapper(repo, commit));
            ((JsonNode) result[0]).forEach(entries::add);
            next = null;
            if (result[1] != null) {
                Matcher m = NEXT.matcher((String) result[1]);
                if (m.find()) {
                    next = endpoint.resolve(m.group(1));
                }
            }
        }
        return entries;
    }

    /** The download URL of a file at a commit. */
    public URI resolveUrl(String repo, String commit, String path) {
        StringBuilder p = new StringBuilder();
        for (String seg : path.split("/")) {
            p.append('/').append(encode(seg));
        }
        return URI.create(endpoint + "/" + repo + "/resolve/" + commit + p);
    }

    public JsonNode getJson(URI uri, String what, String repo, String revision) throws LoaderException {
        return retrier.call(
                what,
                attempt -> {
                    try (HttpResponse r = http.get(uri, headers())) {
                        return JSON.readTree(r.bytes());
                    }
                },
                mapper(repo, revision));
    }

    /** POSTs JSON or NDJSON and returns the JSON answer. */
    public JsonNode postJson(URI uri, String contentType, byte[] body, String what, String repo)
            throws LoaderException {
        Map<String, String> h = headers();
        h.put("Content-Type", contentType);
        return retrier.call(
                what,
                attempt -> {
                    try (HttpResponse r = http.send("POST", uri, h, Body.of(body))) {
                        byte[] bytes = r.bytes();
                        return bytes.length == 0 ? JSON.createObjectNode() : JSON.readTree(bytes);
                    }
                },
                mapper(repo, null));
    }

    /** Maps Hub errors to messages that say what to do; never includes the token. */
    public ErrorMapper mapper(String repo, String revision) {
        return (what, e, exhausted) -> {
            if (e instanceof HttpStatusException h) {
                String code = h.errorCode() == null ? "" : h.errorCode();
                if (h.status() == 401) {
                    return new LoaderException(
                            Reason.AUTH,
                            what + ": the Hub refused the request (HTTP 401): "
                                    + (token == null
                                            ? "hf://" + repo
                                                    + " is private or does not exist; set HF_TOKEN to a token that can read it"
                                            : "the token in HF_TOKEN is invalid or cannot access hf://" + repo),
                            e);
                }
                if (h.status() == 403) {
                    return new LoaderException(
                            Reason.AUTH,
                            what + ": the Hub denied access (HTTP 403): hf://" + repo
                                    + " may be gated; accept its terms on the Hub with the account of the token in HF_TOKEN",
                            e);
                }
                if (h.status() == 404 && code.equals("RevisionNotFound")) {
                    return new LoaderException(
                            Reason.INPUT, what + ": revision '" + revision + "' does not exist in hf://" + repo, e);
                }
                if (h.status() == 404 && code.equals("EntryNotFound")) {
                    return new LoaderException(
                            Reason.INPUT, what + ": the file does not exist at this revision (HTTP 404)", e);
                }
                if (h.status() == 404) {
                    return new LoaderException(
                            Reason.INPUT,
                            what + ": hf://" + repo + " does not exist (HTTP 404)"
                                    + (token == null ? "; if it is private, set HF_TOKEN" : ""),
                            e);
                }
            }
            return ErrorMapper.DEFAULT.map(what, e, exhausted);
        };
    }

    static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /**
     * The API path of a repository: {@code /api/models/org/name}, or {@code /api/datasets/org/name} for a
     * dataset, which the URL names as {@code hf://datasets/org/name}. Files resolve at {@code /{repo}/resolve}
     * either way, since the dataset's repo id keeps its {@code datasets/} prefix.
     */
    public static String apiPath(String repo) {
        return repo.startsWith("datasets/")
                ? "/api/datasets/" + repo.substring("datasets/".length())
                : "/api/models/" + repo;
    }
}
