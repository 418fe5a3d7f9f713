package io.kubeai.gitops.loader.http;

import java.io.IOException;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sends one request and returns a successful response, or throws with the status and cause. Plain
 * {@code http://} goes through {@link PlainHttp}; {@code https://} through the JDK's client.
 */
public final class HttpTransport implements AutoCloseable {
    private static final int MAX_REDIRECTS = 8;
    private static final Pattern XML_CODE = Pattern.compile("<Code>([^<]{1,100})</Code>");
    private static final Pattern XML_MESSAGE = Pattern.compile("<Message>([^<]{0,300})</Message>");
    private static final Pattern JSON_ERROR = Pattern.compile("\"error\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

    static {
        // The JDK keeps 5 idle connections per host by default; the loader runs more requests at once.
        if (System.getProperty("http.maxConnections") == null) {
            System.setProperty("http.maxConnections", "64");
        }
    }

    private final int connectTimeoutMillis;
    private final int readTimeoutMillis;
    private final PlainHttp plain;

    public HttpTransport(Duration connectTimeout, Duration readTimeout) {
        this.connectTimeoutMillis = (int) Math.min(Integer.MAX_VALUE, connectTimeout.toMillis());
        this.readTimeoutMillis = (int) Math.min(Integer.MAX_VALUE, readTimeout.toMillis());
        this.plain = new PlainHttp(connectTimeoutMillis, readTimeout);
    }

    /** GET or HEAD, following redirects. */
    public HttpResponse get(URI uri, Map<String, String> headers) throws IOException {
        return send("GET", uri, headers, null);
    }

    public HttpResponse head(URI uri, Map<String, String> headers) throws IOException {
        return send("HEAD", uri, headers, null);
    }

    /**
     * Sends a request; GET and HEAD follow redirects, dropping {@code Authorization} when a redirect
     * leaves the origin (a CDN's signed URL must not see the Hub token).
     */
    public HttpResponse send(String method, URI uri, Map<String, String> headers, Body body) throws IOException {
        URI current = uri;
        boolean sameOrigin = true;
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            Map<String, String> sent = headers;
            if (!sameOrigin) {
                sent = new LinkedHashMap<>(headers);
                sent.keySet().removeIf(k -> k.equalsIgnoreCase("Authorization"));
            }
            HttpResponse r = "http".equalsIgnoreCase(current.getScheme()) && !viaProxy()
                    ? plain.exchange(method, current, sent, body)
                    : viaJdk(method, current, sent, body);
            int status = r.status();
            if (status >= 300 && status < 400 && status != 304 && body == null) {
                String location = r.header("Location");
                r.discard();
                if (location == null) {
                    throw new HttpStatusException(
                            status, null, null, "redirect without a Location from " + safe(current));
                }
                URI next = current.resolve(location);
                sameOrigin = sameOrigin && sameOrigin(uri, next);
                current = next;
                continue;
            }
            if (status < 200 || status >= 300) {
                throw error(r, current, status);
            }
            return r;
        }
        throw new IOException("more than " + MAX_REDIRECTS + " redirects from " + safe(uri));
    }

    private HttpResponse viaJdk(String method, URI uri, Map<String, String> headers, Body body) throws IOException {
        HttpURLConnection c = (HttpURLConnection) uri.toURL().openConnection();
        c.setInstanceFollowRedirects(false);
        c.setConnectTimeout(connectTimeoutMillis);
        c.setReadTimeout(readTimeoutMillis);
        c.setUseCaches(false);
        c.setRequestMethod(method);
        headers.forEach(c::setRequestProperty);
        if (body != null) {
            c.setDoOutput(true);
            c.setFixedLengthStreamingMode(body.length());
            try (OutputStream out = c.getOutputStream()) {
                body.writeTo(out);
            }
        }
        try {
            return new JdkResponse(c, uri, c.getResponseCode());
        } catch (IOException e) {
            c.disconnect();
            throw e;
        }
    }

    /** A JVM told to use an HTTP proxy ({@code -Dhttp.proxyHost}) sends plain HTTP through the JDK's client, which honours it. */
    private static boolean viaProxy() {
        String host = System.getProperty("http.proxyHost");
        return host != null && !host.isBlank();
    }

    /** Closes the idle keep-alive connections. */
    @Override
    public void close() {
        plain.close();
    }

    /** The URI without its query string and user info, safe for messages. */
    public static String safe(URI uri) {
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort())
                + Objects.requireNonNullElse(uri.getRawPath(), "");
    }

    private static boolean sameOrigin(URI a, URI b) {
        return Objects.equals(a.getScheme(), b.getScheme())
                && Objects.equals(a.getHost(), b.getHost())
                && port(a) == port(b);
    }

    private static int port(URI u) {
        return u.getPort() >= 0 ? u.getPort() : "https".equals(u.getScheme()) ? 443 : 80;
    }

    private static HttpStatusException error(HttpResponse r, URI uri, int status) {
        String text = r.errorText(4096);
        Duration retryAfter = retryAfter(r.header("Retry-After"));
        String code = r.header("X-Error-Code");
        Matcher json = JSON_ERROR.matcher(text);
        Matcher xmlCode = XML_CODE.matcher(text);
        Matcher xmlMessage = XML_MESSAGE.matcher(text);
        String detail;
        if (json.find()) {
            detail = json.group(1);
        } else if (xmlCode.find()) {
            // An S3-style <Error>: its Code is what callers branch on (NoSuchBucket, NoSuchKey).
            code = code == null ? xmlCode.group(1) : code;
            detail = xmlCode.group(1) + (xmlMessage.find() ? ": " + xmlMessage.group(1) : "");
        } else {
            detail = text.replaceAll("\\s+", " ").trim();
        }
        if (detail.length() > 200) {
            detail = detail.substring(0, 200) + "...";
        }
        return new HttpStatusException(
                status,
                retryAfter,
                code,
                "HTTP " + status + " from " + safe(uri) + (detail.isEmpty() ? "" : ": " + detail));
    }

    static Duration retryAfter(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim())));
        } catch (NumberFormatException e) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration d = Duration.between(ZonedDateTime.now(at.getZone()), at);
                return d.isNegative() ? Duration.ZERO : d;
            } catch (RuntimeException ignored) {
                return null;
            }
        }
    }
}
