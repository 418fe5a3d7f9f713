package io.kubeai.gitops.loader.source.gcs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kubeai.gitops.loader.api.LoaderEnv;
import io.kubeai.gitops.loader.api.LoaderException;
import io.kubeai.gitops.loader.api.LoaderException.Reason;
import io.kubeai.gitops.loader.http.HttpResponse;
import io.kubeai.gitops.loader.http.HttpStatusException;
import io.kubeai.gitops.loader.http.HttpTransport;
import io.kubeai.gitops.loader.http.Rfc3986;
import io.kubeai.gitops.loader.retry.ErrorMapper;
import io.kubeai.gitops.loader.retry.Retrier;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Cloud Storage's JSON API: object listings ({@code GET /storage/v1/b/{bucket}/o}) and media downloads
 * ({@code ?alt=media}, pinned to the listed generation) on the loader's HTTP client, with OAuth tokens
 * from {@link GcsTokens}. {@code GCS_ENDPOINT} replaces {@code https://storage.googleapis.com}.
 */
public final class GcsApi {
    static final String DEFAULT_ENDPOINT = "https://storage.googleapis.com";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FIELDS = "items(name,size,md5Hash,crc32c,generation),nextPageToken";
    private static final String CREDENTIALS_HINT = "set GCS_SERVICE_ACCOUNT_KEY or GOOGLE_APPLICATION_CREDENTIALS,"
            + " bind the pod's service account with Workload Identity, or give HMAC keys (GCS_HMAC_ACCESS_ID,"
            + " GCS_HMAC_SECRET); the account needs storage.objects.list and storage.objects.get on the bucket";

    private final String endpoint;
    private final GcsTokens tokens;
    private final HttpTransport http;
    private final Retrier retrier;

    /** One object of a listing; {@code md5} and {@code crc32c} in hex, {@code md5} absent for composite objects. */
    public record GcsObject(String name, long size, String md5, String crc32c, String generation) {}

    public GcsApi(LoaderEnv env, HttpTransport http, Retrier retrier) throws LoaderException {
        String base = env.get("GCS_ENDPOINT").orElse(DEFAULT_ENDPOINT);
        this.endpoint = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.tokens = GcsTokens.of(env, http);
        this.http = http;
        this.retrier = retrier;
    }

    /** Every object whose name starts with {@code prefix}, following pages. */
    public List<GcsObject> list(String bucket, String prefix) throws LoaderException {
        List<GcsObject> all = new ArrayList<>();
        String page = null;
        do {
            URI uri = URI.create(endpoint + "/storage/v1/b/" + Rfc3986.encode(bucket) + "/o?prefix="
                    + Rfc3986.encode(prefix) + "&fields=" + Rfc3986.encode(FIELDS)
                    + (page == null ? "" : "&pageToken=" + Rfc3986.encode(page)));
            JsonNode answer = retrier.call(
                    "listing gs://" + bucket + "/" + prefix,
                    attempt -> {
                        try (HttpResponse r = http.get(uri, tokens.header())) {
                            return JSON.readTree(r.bytes());
                        }
                    },
                    mapper(true));
            for (JsonNode item : answer.path("items")) {
                all.add(new GcsObject(
                        item.path("name").asText(),
                        item.path("size").asLong(),
                        hex(item.path("md5Hash").asText(null)),
                        hex(item.path("crc32c").asText(null)),
                        item.path("generation").asText(null)));
            }
            page = answer.path("nextPageToken").asText(null);
        } while (page != null && !page.isEmpty());
        return all;
    }

    /** An object's bytes, or empty when it does not exist (a marker that is not there). */
    public Optional<byte[]> getIfExists(String bucket, String name) throws LoaderException {
        return retrier.call(
                "reading gs://" + bucket + "/" + name,
                attempt -> {
                    try (HttpResponse r = http.get(media(bucket, name, null), tokens.header())) {
                        return Optional.of(r.bytes());
                    } catch (HttpStatusException e) {
                        if (e.status() == 404) {
                            return Optional.<byte[]>empty();
                        }
                        throw e;
                    }
                },
                mapper(true));
    }

    /** Opens a ranged download of one generation of an object; the caller checks the range. */
    HttpResponse download(String bucket, String name, String generation, String range) throws IOException {
        Map<String, String> headers = new HashMap<>(tokens.header());
        headers.put("Range", range);
        return http.get(media(bucket, name, generation), headers);
    }

    private URI media(String bucket, String name, String generation) {
        return URI.create(endpoint + "/storage/v1/b/" + Rfc3986.encode(bucket) + "/o/" + Rfc3986.encode(name)
                + "?alt=media" + (generation == null ? "" : "&generation=" + Rfc3986.encode(generation)));
    }

    /**
     * Errors in words that say what to do. A download pinned to a generation gets 404 when the object
     * was replaced or deleted since the listing.
     */
    ErrorMapper mapper(boolean listing) {
        return (what, e, exhausted) -> {
            if (e instanceof HttpStatusException h) {
                if (h.status() == 401 || h.status() == 403) {
                    return new LoaderException(
                            Reason.AUTH,
                            what + ": Cloud Storage refused the request (HTTP " + h.status() + "): " + CREDENTIALS_HINT,
                            e);
                }
                if (h.status() == 404) {
                    return listing
                            ? new LoaderException(Reason.INPUT, what + ": the bucket does not exist (HTTP 404)", e)
                            : new LoaderException(
                                    Reason.VERIFICATION,
                                    what + ": the object was replaced or deleted during the load (HTTP 404 for the"
                                            + " listed generation); run the load again",
                                    e);
                }
            }
            return ErrorMapper.DEFAULT.map(what, e, exhausted);
        };
    }

    /** Base64 (as the JSON API gives checksums) to hex; null stays null. */
    private static String hex(String base64) {
        if (base64 == null || base64.isEmpty()) {
            return null;
        }
        try {
            return HexFormat.of().formatHex(Base64.getDecoder().decode(base64));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
