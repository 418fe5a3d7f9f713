package io.kubeai.gitops.loader.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Sends one request and returns a successful response, or throws with the status and cause. */
public final class HttpTransport {
  private static final int MAX_REDIRECTS = 8;
  private static final Pattern JSON_ERROR = Pattern.compile("\"error\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

  static {
    // The JDK keeps 5 idle connections per host by default; the loader runs more requests at once.
    if (System.getProperty("http.maxConnections") == null) {
      System.setProperty("http.maxConnections", "64");
    }
  }

  private final int connectTimeoutMillis;
  private final int readTimeoutMillis;

  public HttpTransport(Duration connectTimeout, Duration readTimeout) {
    this.connectTimeoutMillis = (int) Math.min(Integer.MAX_VALUE, connectTimeout.toMillis());
    this.readTimeoutMillis = (int) Math.min(Integer.MAX_VALUE, readTimeout.toMillis());
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
      HttpURLConnection c = (HttpURLConnection) current.toURL().openConnection();
      c.setInstanceFollowRedirects(false);
      c.setConnectTimeout(connectTimeoutMillis);
      c.setReadTimeout(readTimeoutMillis);
      c.setUseCaches(false);
      c.setRequestMethod(method);
      for (Map.Entry<String, String> h : headers.entrySet()) {
        if (sameOrigin || !h.getKey().equalsIgnoreCase("Authorization")) {
          c.setRequestProperty(h.getKey(), h.getValue());
        }
      }
      if (body != null) {
        c.setDoOutput(true);
        c.setFixedLengthStreamingMode(body.length());
        try (OutputStream out = c.getOutputStream()) {
          body.writeTo(out);
        }
      }
      int status;
      try {
        status = c.getResponseCode();
      } catch (IOException e) {
        c.disconnect();
        throw e;
      }
      if (status >= 300 && status < 400 && status != 304 && body == null) {
        String location = c.getHeaderField("Location");
        drain(c);
        if (location == null) {
          throw new HttpStatusException(status, null, null, "redirect without a Location from " + safe(current));
        }
        URI next = current.resolve(location);
        sameOrigin = sameOrigin && sameOrigin(uri, next);
        current = next;
        continue;
      }
      if (status >= 400 || status < 200 || status >= 300) {
        throw error(c, current, status);
      }
      return new HttpResponse(c, current, status);
    }
    throw new IOException("more than " + MAX_REDIRECTS + " redirects from " + safe(uri));
  }

  /** The URI without its query string and user info, safe for messages. */
  public static String safe(URI uri) {
    return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort())
        + Objects.requireNonNullElse(uri.getRawPath(), "");
  }

  private static boolean sameOrigin(URI a, URI b) {
    return Objects.equals(a.getScheme(), b.getScheme()) && Objects.equals(a.getHost(), b.getHost())
        && port(a) == port(b);
  }

  private static int port(URI u) {
    return u.getPort() >= 0 ? u.getPort() : "https".equals(u.getScheme()) ? 443 : 80;
  }

  private static HttpStatusException error(HttpURLConnection c, URI uri, int status) {
    String text = "";
    try (InputStream err = c.getErrorStream()) {
      if (err != null) {
        text = new String(err.readNBytes(4096), StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      // The status says enough.
    }
    Duration retryAfter = retryAfter(c.getHeaderField("Retry-After"));
    String code = c.getHeaderField("X-Error-Code");
    Matcher m = JSON_ERROR.matcher(text);
    String detail = m.find() ? m.group(1) : text.replaceAll("\\s+", " ").trim();
    if (detail.length() > 200) {
      detail = detail.substring(0, 200) + "...";
    }
    return new HttpStatusException(status, retryAfter, code,
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

  private static void drain(HttpURLConnection c) {
    try (InputStream in = c.getInputStream()) {
      in.readNBytes(64 << 10);
    } catch (IOException e) {
      c.disconnect();
    }
  }
}
