package io.kubeai.gitops.loader.http;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;

/**
 * A successful (2xx) response. Read the body to its end and close it to return the connection to
 * the keep-alive pool; {@link #abort()} drops the connection instead.
 */
public final class HttpResponse implements Closeable {
  private final HttpURLConnection connection;
  private final URI uri;
  private final int status;
  private InputStream body;

  HttpResponse(HttpURLConnection connection, URI uri, int status) {
    this.connection = connection;
    this.uri = uri;
    this.status = status;
  }

  public int status() {
    return status;
  }

  /** The URI that answered, after redirects. */
  public URI uri() {
    return uri;
  }

  public String header(String name) {
    return connection.getHeaderField(name);
  }

  /** The Content-Length, or -1. */
  public long contentLength() {
    return connection.getContentLengthLong();
  }

  public InputStream body() throws IOException {
    if (body == null) {
      body = connection.getInputStream();
    }
    return body;
  }

  /** Reads the whole body; for small JSON answers. */
  public byte[] bytes() throws IOException {
    try (InputStream in = body()) {
      return in.readAllBytes();
    }
  }

  /** Drops the connection without reading the rest of the body. */
  public void abort() {
    connection.disconnect();
  }

  @Override
  public void close() throws IOException {
    if (body != null) {
      body.close();
    } else {
      connection.getInputStream().close();
    }
  }
}
