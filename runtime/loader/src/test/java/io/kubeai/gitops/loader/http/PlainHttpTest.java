package io.kubeai.gitops.loader.http;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link PlainHttp} (and {@link HttpTransport} over it) against a scripted server that answers with
 * raw bytes. Real servers are too well behaved to reach the edges that matter here: interim answers,
 * chunk extensions and trailers, bodies cut short, keep-alive connections the server has dropped. The
 * server records every request head with the connection it came on, so reuse is asserted, not assumed.
 */
@Timeout(10)
class PlainHttpTest {
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(2);

    private ScriptedServer server;
    private PlainHttp http;

    @BeforeEach
    void start() throws IOException {
        server = new ScriptedServer();
        http = new PlainHttp(1000, READ_TIMEOUT);
    }

    @AfterEach
    void stop() {
        http.close();
        server.close();
    }

    @Test
    void fixedLengthBody_readsIntoADirectBuffer_andTheConnectionIsReused() throws IOException {
        // Larger than the connection's 16 KiB head buffer: the first bytes come from it, the rest from the socket.
        byte[] blob = new byte[100_000];
        new Random(42).nextBytes(blob);
        server.answer(concat(latin1("HTTP/1.1 200 OK\r\nContent-Length: " + blob.length + "\r\n\r\n"), blob));
        server.answer(ok("again"));

        try (HttpResponse r = get("/blob")) {
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.contentLength()).isEqualTo(blob.length);
            assertThat(readThroughDirectBuffer(r.channel())).isEqualTo(blob);
        }
        assertThat(text(get("/again"))).isEqualTo("again");

        assertThat(server.requests()).extracting(Request::connection).containsExactly(1, 1);
        assertThat(server.accepted()).isEqualTo(1);
    }

    @Test
    void chunkedBody_withExtensionsAndTrailers_isDecoded_andLeavesTheConnectionReusable() throws IOException {
        server.answer("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "5;x=y\r\nhello\r\n"
                + "2\r\n, \r\n"
                + "1A\r\nabcdefghijklmnopqrstuvwxyz\r\n"
                + "0\r\nX-Checksum: abc\r\nX-Other: 1\r\n\r\n");
        server.answer(ok("next"));

        assertThat(text(get("/chunked"))).isEqualTo("hello, abcdefghijklmnopqrstuvwxyz");
        // Had the trailer been left unread, this answer would be parsed from the middle of it.
        assertThat(text(get("/next"))).isEqualTo("next");
        assertThat(server.requests()).extracting(Request::connection).containsExactly(1, 1);
    }

    @Test
    void connectionClose_isNotReused() throws IOException {
        // The server keeps its end open: only the client's reading of the header can make it move on.
        server.answer("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 2\r\n\r\nhi");
        server.answer(ok("fresh"));

        assertThat(text(get("/first"))).isEqualTo("hi");
        assertThat(text(get("/second"))).isEqualTo("fresh");

        assertThat(server.requests()).extracting(Request::connection).containsExactly(1, 2);
    }

    @Test
    void http10Response_withoutContentLength_isReadUntilTheServerCloses() throws IOException {
        server.answerThenClose("HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n\r\nall of it, until the end");
        server.answer(ok("fresh"));

        try (HttpResponse r = get("/old")) {
            assertThat(r.contentLength()).isEqualTo(-1);
            assertThat(new String(r.bytes(), ISO_8859_1)).isEqualTo("all of it, until the end");
        }
        assertThat(text(get("/next"))).isEqualTo("fresh");
        assertThat(server.requests()).extracting(Request::connection).containsExactly(1, 2);
    }

    @Test
    void bodyShorterThanItsContentLength_throwsEofSayingHowMuchArrived() throws IOException {
        server.answerThenClose("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabcd");

        try (HttpResponse r = get("/short")) {
            assertThatThrownBy(r::bytes).isInstanceOf(EOFException.class).hasMessageContaining("after 4 of 10 bytes");
        }
    }

    @Test
    void serverThatNeverAnswers_timesOutAfterTheReadTimeout() {
        server.neverAnswer();

        try (HttpTransport transport = new HttpTransport(Duration.ofSeconds(1), Duration.ofMillis(300))) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> transport.get(server.uri("/silent"), Map.of()))
                    .isInstanceOf(SocketTimeoutException.class)
                    .hasMessageContaining("300 ms");
            assertThat(Duration.ofNanos(System.nanoTime() - start))
                    .isBetween(Duration.ofMillis(250), Duration.ofSeconds(1));
        }
    }

    @Test
    void staleKeepAliveConnection_isReplacedTransparently() throws IOException {
        server.answerThenClose(ok("first"));
        server.answer(ok("second"));

        assertThat(text(get("/first"))).isEqualTo("first");
        // The client pooled connection 1 (the answer said nothing of closing); now it is certainly dead.
        server.awaitClosedByServer(1);
        assertThat(text(get("/second"))).isEqualTo("second");

        assertThat(server.requests()).extracting(Request::target).containsExactly("/first", "/second");
        assertThat(server.requests()).extracting(Request::connection).containsExactly(1, 2);
    }

    @Test
    void headAnd204_haveNoBodyDespiteAContentLength_andKeepTheConnection() throws IOException {
        server.answer("HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n");
        server.answer("HTTP/1.1 204 No Content\r\nContent-Length: 5\r\n\r\n");
        server.answer(ok("after"));

        try (HttpResponse head = http.exchange("HEAD", server.uri("/file"), Map.of(), null)) {
            assertThat(head.contentLength()).isEqualTo(1000);
            assertThat(head.bytes()).isEmpty();
        }
        try (HttpResponse noContent = get("/nothing")) {
            assertThat(noContent.status()).isEqualTo(204);
            assertThat(noContent.bytes()).isEmpty();
        }
        assertThat(text(get("/after"))).isEqualTo("after");

        assertThat(server.requests())
                .extracting(Request::requestLine)
                .containsExactly("HEAD /file HTTP/1.1", "GET /nothing HTTP/1.1", "GET /after HTTP/1.1");
        assertThat(server.requests()).extracting(Request::connection).containsExactly(1, 1, 1);
    }

    @Test
    void interimContinue_isSkipped() throws IOException {
        server.answer("HTTP/1.1 100 Continue\r\n\r\n" + "HTTP/1.1 200 OK\r\nContent-Length: 6\r\n\r\nstored");

        try (HttpResponse r = http.exchange("PUT", server.uri("/upload"), Map.of(), Body.of(latin1("payload")))) {
            assertThat(r.status()).isEqualTo(200);
            assertThat(new String(r.bytes(), ISO_8859_1)).isEqualTo("stored");
        }
        assertThat(server.requests()).singleElement().satisfies(req -> {
            assertThat(req.header("Content-Length")).isEqualTo("7");
            assertThat(req.body()).isEqualTo("payload");
        });
    }

    @Test
    void headerValuesWithLineBreaks_areRejectedBeforeAnythingIsSent() throws IOException {
        for (String value : List.of("a\r\nX-Injected: 1", "a\rb", "a\nb")) {
            assertThatThrownBy(() -> http.exchange("GET", server.uri("/x"), Map.of("X-Token", value), null))
                    .isInstanceOf(IllegalArgumentException.class);
        }
        server.answer(ok("fine"));
        assertThat(text(get("/fine"))).isEqualTo("fine");

        // The only connection and the only request are the good one's.
        assertThat(server.accepted()).isEqualTo(1);
        assertThat(server.requests()).extracting(Request::target).containsExactly("/fine");
    }

    @Test
    void redirectToAnotherPort_dropsAuthorization() throws IOException {
        try (ScriptedServer cdn = new ScriptedServer();
                HttpTransport transport = transport()) {
            URI signed = cdn.uri("/blobs/abc?X-Amz-Signature=s1g");
            server.answer(redirect(signed.toString()));
            cdn.answer(ok("from the cdn"));

            try (HttpResponse r = transport.get(server.uri("/resolve/main/model.bin"), bearer())) {
                assertThat(r.uri()).isEqualTo(signed);
                assertThat(new String(r.bytes(), ISO_8859_1)).isEqualTo("from the cdn");
            }
            assertThat(server.requests())
                    .singleElement()
                    .satisfies(req -> assertThat(req.header("Authorization")).isEqualTo("Bearer hf_secret"));
            assertThat(cdn.requests()).singleElement().satisfies(req -> {
                assertThat(req.target()).isEqualTo("/blobs/abc?X-Amz-Signature=s1g");
                assertThat(req.header("Authorization")).isNull();
            });
        }
    }

    @Test
    void sameOriginRedirect_keepsAuthorization_onTheSameConnection() throws IOException {
        try (HttpTransport transport = transport()) {
            server.answer(redirect("/api/models/renamed"));
            server.answer(ok("{}"));

            try (HttpResponse r = transport.get(server.uri("/api/models/old"), bearer())) {
                assertThat(r.uri()).isEqualTo(server.uri("/api/models/renamed"));
                assertThat(r.bytes()).isEqualTo(latin1("{}"));
            }
            assertThat(server.requests())
                    .extracting(Request::target)
                    .containsExactly("/api/models/old", "/api/models/renamed");
            assertThat(server.requests())
                    .extracting(req -> req.header("Authorization"))
                    .containsExactly("Bearer hf_secret", "Bearer hf_secret");
            assertThat(server.requests()).extracting(Request::connection).containsExactly(1, 1);
        }
    }

    @Test
    void serviceUnavailable_carriesRetryAfterAndTheServersError_butNotTheQueryString() {
        String json = "{\"error\":\"the Hub is overloaded, try later\"}";
        server.answer("HTTP/1.1 503 Service Unavailable\r\nRetry-After: 2\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + json.length() + "\r\n\r\n" + json);

        try (HttpTransport transport = transport()) {
            assertThatThrownBy(() -> transport.get(server.uri("/api/models/m?token=s3cr3t"), Map.of()))
                    .isInstanceOfSatisfying(HttpStatusException.class, e -> {
                        assertThat(e.status()).isEqualTo(503);
                        assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(2));
                        assertThat(e.retryable()).isTrue();
                        assertThat(e.getMessage())
                                .contains("HTTP 503", "/api/models/m", "the Hub is overloaded, try later")
                                .doesNotContain("s3cr3t", "token=");
                    });
        }
    }

    @Test
    void hostHeaderHasThePort_andTheTargetKeepsTheRawQuery() throws IOException {
        server.answer(ok("a"));
        server.answer(ok("b"));

        text(get("/models/a%20b/resolve/main/config.json?download=true&sig=a%2Bb%3D%3D"));
        text(http.exchange("GET", URI.create("http://127.0.0.1:" + server.port()), Map.of(), null));

        assertThat(server.requests())
                .extracting(Request::requestLine)
                .containsExactly(
                        "GET /models/a%20b/resolve/main/config.json?download=true&sig=a%2Bb%3D%3D HTTP/1.1",
                        "GET / HTTP/1.1");
        assertThat(server.requests()).extracting(req -> req.header("Host")).containsOnly("127.0.0.1:" + server.port());
    }

    @Test
    void aJvmToldToUseAProxy_sendsPlainHttpThroughIt() throws IOException {
        server.answer(ok("via proxy"));
        System.setProperty("http.proxyHost", "127.0.0.1");
        System.setProperty("http.proxyPort", String.valueOf(server.port()));
        try (HttpTransport t = transport()) {
            assertThat(text(t.get(URI.create("http://models.internal.invalid/x?a=1"), Map.of())))
                    .isEqualTo("via proxy");
        } finally {
            System.clearProperty("http.proxyHost");
            System.clearProperty("http.proxyPort");
        }
        // The JDK's client asks the proxy for the absolute URL; the plain client would have tried to resolve the host.
        assertThat(server.requests())
                .extracting(Request::requestLine)
                .containsExactly("GET http://models.internal.invalid/x?a=1 HTTP/1.1");
    }

    private HttpResponse get(String pathAndQuery) throws IOException {
        return http.exchange("GET", server.uri(pathAndQuery), Map.of(), null);
    }

    private static HttpTransport transport() {
        return new HttpTransport(Duration.ofSeconds(1), READ_TIMEOUT);
    }

    private static Map<String, String> bearer() {
        return Map.of("Authorization", "Bearer hf_secret");
    }

    private static String ok(String body) {
        return "HTTP/1.1 200 OK\r\nContent-Length: " + body.length() + "\r\n\r\n" + body;
    }

    private static String redirect(String location) {
        return "HTTP/1.1 302 Found\r\nLocation: " + location + "\r\nContent-Length: 0\r\n\r\n";
    }

    private static String text(HttpResponse r) throws IOException {
        try (r) {
            return new String(r.bytes(), ISO_8859_1);
        }
    }

    /** Reads to the end in 8 KiB steps through a direct buffer, as large downloads do. */
    private static byte[] readThroughDirectBuffer(ReadableByteChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocateDirect(8 << 10);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (channel.read(buffer.clear()) >= 0) {
            byte[] piece = new byte[buffer.flip().remaining()];
            buffer.get(piece);
            out.write(piece);
        }
        return out.toByteArray();
    }

    private static byte[] latin1(String s) {
        return s.getBytes(ISO_8859_1);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = new byte[a.length + b.length];
        System.arraycopy(a, 0, both, 0, a.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    /** A request as the server saw it; connections are numbered from 1 in the order they were accepted. */
    private record Request(int connection, String head, String body) {
        String requestLine() {
            return head.substring(0, head.indexOf("\r\n"));
        }

        String target() {
            return requestLine().split(" ")[1];
        }

        String header(String name) {
            for (String line : head.split("\r\n")) {
                if (line.regionMatches(true, 0, name + ":", 0, name.length() + 1)) {
                    return line.substring(name.length() + 1).trim();
                }
            }
            return null;
        }
    }

    private record Reply(byte[] bytes, boolean thenClose) {}

    /**
     * Accepts on 127.0.0.1 and answers each request, on whichever connection it arrives, with the next
     * scripted reply, byte for byte. A request with no reply scripted gets none.
     */
    private static final class ScriptedServer implements AutoCloseable {
        private final ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        private final BlockingQueue<Reply> replies = new LinkedBlockingQueue<>();
        private final List<Request> requests = new CopyOnWriteArrayList<>();
        private final List<Socket> sockets = new CopyOnWriteArrayList<>();
        private final AtomicInteger closedByServer = new AtomicInteger();

        ScriptedServer() throws IOException {
            daemon("scripted-accept", this::acceptLoop);
        }

        int port() {
            return listener.getLocalPort();
        }

        URI uri(String pathAndQuery) {
            return URI.create("http://127.0.0.1:" + port() + pathAndQuery);
        }

        void answer(String raw) {
            answer(latin1(raw));
        }

        void answer(byte[] raw) {
            replies.add(new Reply(raw, false));
        }

        void answerThenClose(String raw) {
            replies.add(new Reply(latin1(raw), true));
        }

        /** Takes the next request and sends nothing, keeping the connection open. */
        void neverAnswer() {
            replies.add(new Reply(new byte[0], false));
        }

        List<Request> requests() {
            return List.copyOf(requests);
        }

        int accepted() {
            return sockets.size();
        }

        void awaitClosedByServer(int count) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
            while (closedByServer.get() < count) {
                assertThat(System.nanoTime())
                        .as("the server closing %d connection(s)", count)
                        .isLessThan(deadline);
                Thread.onSpinWait();
            }
        }

        private void acceptLoop() {
            try {
                while (true) {
                    Socket s = listener.accept();
                    sockets.add(s);
                    int connection = sockets.size();
                    daemon("scripted-connection-" + connection, () -> serve(s, connection));
                }
            } catch (IOException e) {
                // Closed at the end of the test.
            }
        }

        private void serve(Socket s, int connection) {
            try {
                InputStream in = new BufferedInputStream(s.getInputStream());
                OutputStream out = s.getOutputStream();
                for (String head; (head = readHead(in)) != null; ) {
                    String body = new String(in.readNBytes(contentLength(head)), ISO_8859_1);
                    requests.add(new Request(connection, head, body));
                    Reply reply = replies.poll(5, TimeUnit.SECONDS);
                    if (reply == null) {
                        break;
                    }
                    out.write(reply.bytes());
                    out.flush();
                    if (reply.thenClose()) {
                        s.close();
                        closedByServer.incrementAndGet();
                        return;
                    }
                }
            } catch (IOException | InterruptedException e) {
                // The client went away.
            }
            closeQuietly(s);
        }

        /** The request head up to and including its blank line, or null if the client closed first. */
        private static String readHead(InputStream in) throws IOException {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            for (int b; (b = in.read()) >= 0; ) {
                head.write(b);
                if (head.size() >= 4 && head.toString(ISO_8859_1).endsWith("\r\n\r\n")) {
                    return head.toString(ISO_8859_1);
                }
            }
            return null;
        }

        private static int contentLength(String head) {
            String v = new Request(0, head, "").header("Content-Length");
            return v == null ? 0 : Integer.parseInt(v);
        }

        private static void daemon(String name, Runnable task) {
            Thread t = new Thread(task, name);
            t.setDaemon(true);
            t.start();
        }

        private static void closeQuietly(Socket s) {
            try {
                s.close();
            } catch (IOException e) {
                // Already gone.
            }
        }

        @Override
        public void close() {
            try {
                listener.close();
            } catch (IOException e) {
                // Nothing to do about it.
            }
            sockets.forEach(ScriptedServer::closeQuietly);
        }
    }
}
