package io.kubeai.gitops.testing.hf;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

/** One request in flight: its parsed path, how it was answered, and what to record of it. */
final class Exchange {
    static final ObjectMapper JSON = new ObjectMapper();

    final Request request;
    final Response response;
    final Callback callback;
    final String method;
    final List<String> segments;
    final String path;
    final String query;
    String repo;
    String file;
    int status = 200;
    long bodyBytes;
    long rangeStart = -1;
    long rangeEnd = -1;
    private Fields params;
    private Runnable onCompleting;
    private boolean completing;

    Exchange(Request request, Response response, Callback callback) {
        this.request = request;
        this.response = response;
        this.callback = callback;
        this.method = request.getMethod();
        this.query = request.getHttpURI().getQuery();
        List<String> segs = new ArrayList<>();
        for (String raw : request.getHttpURI().getPath().split("/")) {
            if (!raw.isEmpty()) {
                segs.add(URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8));
            }
        }
        this.segments = List.copyOf(segs);
        this.path = "/" + String.join("/", segs);
    }

    /** Sets what runs once, just before the client can have the whole response. */
    void onCompleting(Runnable hook) {
        this.onCompleting = hook;
    }

    /** Called before the last bytes of a response go out; see {@link HfTestServer#requests()}. */
    void completing() {
        if (!completing) {
            completing = true;
            if (onCompleting != null) {
                onCompleting.run();
            }
        }
    }

    boolean isCompleting() {
        return completing;
    }

    String header(HttpHeader name) {
        return request.getHeaders().get(name);
    }

    String param(String name) {
        if (params == null) {
            params = Request.extractQueryParameters(request);
        }
        return params.getValue(name);
    }

    InputStream body() {
        return Content.Source.asInputStream(request);
    }

    <T> T bodyJson(Class<T> type) throws IOException {
        try (InputStream in = body()) {
            return JSON.readValue(in, type);
        }
    }

    void json(int code, Object value) throws IOException {
        send(code, "application/json", JSON.writeValueAsBytes(value));
    }

    void error(int code, String errorCode, String message) throws IOException {
        if (errorCode != null) {
            response.getHeaders().put("X-Error-Code", errorCode);
        }
        json(code, java.util.Map.of("error", message));
    }

    void send(int code, String contentType, byte[] body) throws IOException {
        status = code;
        response.setStatus(code);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        if ("HEAD".equals(method)) {
            completing();
            callback.succeeded();
            return;
        }
        bodyBytes = body.length;
        completing();
        Content.Sink.write(response, true, ByteBuffer.wrap(body));
        callback.succeeded();
    }

    RecordedRequest record(boolean authorization) {
        return new RecordedRequest(
                method,
                path,
                query,
                header(HttpHeader.RANGE),
                repo,
                file,
                authorization,
                status,
                bodyBytes,
                rangeStart,
                rangeEnd);
    }
}
