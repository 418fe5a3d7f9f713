package io.kubeai.gitops.loader.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/** A response read through {@link HttpURLConnection}: the path for https, where the JDK does TLS. */
final class JdkResponse extends HttpResponse {
    private final HttpURLConnection connection;
    private InputStream body;

    JdkResponse(HttpURLConnection connection, URI uri, int status) {
        super(uri, status);
        this.connection = connection;
    }

    @Override
    public String header(String name) {
        return connection.getHeaderField(name);
    }

    @Override
    public InputStream body() throws IOException {
        if (body == null) {
            body = connection.getInputStream();
        }
        return body;
    }

    @Override
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

    @Override
    String errorText(int max) {
        try (InputStream err = connection.getErrorStream()) {
            return err == null ? "" : new String(err.readNBytes(max), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    void discard() {
        try (InputStream in = connection.getInputStream()) {
            in.readNBytes(64 << 10);
        } catch (IOException e) {
            connection.disconnect();
        }
    }
}
