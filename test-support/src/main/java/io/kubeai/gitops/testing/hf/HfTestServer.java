package io.kubeai.gitops.testing.hf;

import io.kubeai.gitops.testing.Glob;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * A Hugging Face Hub-compatible HTTP server for tests, on 127.0.0.1 and a port chosen at run time.
 *
 * <pre>{@code
 * try (HfTestServer hub = HfTestServer.start()) {
 *   hub.addRepo("org/model", Map.of("config.json", bytes, "model.safetensors", weights));
 *   hub.requireToken("hf_test");
 *   hub.addFault(Fault.resetAfter(1024).onFile("model.safetensors"));
 *   // point HF_ENDPOINT at hub.endpoint() ...
 *   hub.requests(); // what was asked, with byte ranges
 * }
 * }</pre>
 *
 * <p>Routes: {@code GET /api/models/{repo}/revision/{rev}}, {@code GET
 * /api/models/{repo}/tree/{rev}[/{dir}]?recursive=true} (paginated with a {@code Link} header),
 * {@code GET|HEAD /{repo}/resolve/{rev}/{path}} with single {@code Range}s, {@code POST
 * /api/repos/create}, {@code POST /api/models/{repo}/preupload/{rev}}, {@code POST
 * /api/models/{repo}/commit/{rev}} (NDJSON) and {@code POST /{repo}.git/info/lfs/objects/batch}.
 * File bodies live in a temporary directory that {@link #close()} deletes.
 */
public final class HfTestServer implements AutoCloseable {
    private final Server jetty;
    private final ServerConnector connector;
    private final Path root;
    private final Blobs blobs;
    private final Map<String, HfRepo> repos = new ConcurrentHashMap<>();
    private final List<ActiveFault> faults = new CopyOnWriteArrayList<>();
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private final Throttle throttle = new Throttle();
    private volatile String token;
    private volatile ServerConnector cdn;
    private volatile int treePageSize = 1000;
    private volatile long lfsMultipartChunkSize;
    private final Object completingLock = new Object();
    private int completing;

    private record ActiveFault(Fault fault, Pattern file, Pattern path, AtomicInteger left) {}

    private HfTestServer() throws IOException {
        root = Files.createTempDirectory("hf-test-server");
        blobs = new Blobs(Files.createDirectories(root.resolve("blobs")));
        QueuedThreadPool threads = new QueuedThreadPool(64, 4);
        threads.setName("hf-test-server");
        threads.setDaemon(true);
        jetty = new Server(threads);
        connector = newConnector();
        jetty.addConnector(connector);
        jetty.setHandler(new HubHandler(this));
    }

    /** Starts a server on 127.0.0.1 and a free port. */
    public static HfTestServer start() {
        try {
            HfTestServer server = new HfTestServer();
            server.jetty.start();
            return server;
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the Hugging Face test server", e);
        }
    }

    /** The base URL, e.g. {@code http://127.0.0.1:41234}, for {@code HF_ENDPOINT}. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + connector.getLocalPort());
    }

    /** Creates an empty repository ({@code org/name}). */
    public HfRepo createRepo(String id) {
        HfRepo repo = new HfRepo(id, blobs);
        if (repos.putIfAbsent(id, repo) != null) {
            throw new IllegalArgumentException("repository " + id + " exists");
        }
        return repo;
    }

    /** Creates a repository holding {@code files} in one commit on {@code main}. */
    public HfRepo addRepo(String id, Map<String, byte[]> files) {
        HfRepo repo = createRepo(id);
        files.forEach(repo::file);
        repo.commit("initial commit");
        return repo;
    }

    /** The repository with this id. */
    public HfRepo repo(String id) {
        return findRepo(id).orElseThrow(() -> new IllegalArgumentException("no repository " + id));
    }

    /** The repository with this id, if it exists (publishing may have created it). */
    public Optional<HfRepo> findRepo(String id) {
        return Optional.ofNullable(repos.get(id));
    }

    /**
     * Requires {@code Authorization: Bearer <token>} on every API and download request; null lets
     * anonymous requests through again. Missing credentials get 401 (as for a private repository),
     * wrong ones 401 "Invalid credentials".
     */
    public HfTestServer requireToken(String token) {
        this.token = token;
        return this;
    }

    /** Adds a fault; see {@link Fault}. */
    public HfTestServer addFault(Fault fault) {
        faults.add(new ActiveFault(
                fault,
                fault.fileGlob() == null ? null : Glob.compile(fault.fileGlob()),
                fault.pathGlob() == null ? null : Glob.compile(fault.pathGlob()),
                new AtomicInteger(fault.times())));
        return this;
    }

    /** Removes all faults. */
    public HfTestServer clearFaults() {
        faults.clear();
        return this;
    }

    /** Limits all download bodies together to this many bytes a second; 0 removes the limit. */
    public HfTestServer throttle(long bytesPerSecond) {
        throttle.rate(bytesPerSecond);
        return this;
    }

    /**
     * Redirects downloads of LFS files to a CDN on a second port, as the Hub does; the CDN rejects
     * requests that still carry the Hub's {@code Authorization} header.
     */
    public synchronized HfTestServer redirectLfsToCdn(boolean redirect) {
        try {
            if (redirect && cdn == null) {
                ServerConnector c = newConnector();
                jetty.addConnector(c);
                c.start();
                cdn = c;
            } else if (!redirect && cdn != null) {
                cdn.stop();
                jetty.removeConnector(cdn);
                cdn = null;
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return this;
    }

    /** How many entries a tree listing page holds before a {@code Link: rel="next"} (default 1000). */
    public HfTestServer treePageSize(int size) {
        this.treePageSize = Math.max(1, size);
        return this;
    }

    /** Makes LFS uploads multipart with parts of this size; 0 (the default) uses single PUTs. */
    public HfTestServer lfsMultipartChunkSize(long bytes) {
        this.lfsMultipartChunkSize = bytes;
        return this;
    }

    /**
     * Every request answered so far, in order of completion. A response the client may already have
     * read in full is always included: the call waits (up to 5 s) for such responses to be recorded.
     */
    public List<RecordedRequest> requests() {
        synchronized (completingLock) {
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (completing > 0 && System.nanoTime() < deadline) {
                try {
                    completingLock.wait(10);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        return List.copyOf(requests);
    }

    /** The GET requests for one repository file (downloads), in order of completion. */
    public List<RecordedRequest> downloadsOf(String repoFile) {
        return requests().stream().filter(r -> r.isDownloadOf(repoFile)).toList();
    }

    /** Forgets the requests recorded so far. */
    public void clearRequests() {
        requests.clear();
    }

    @Override
    public void close() {
        try {
            jetty.stop();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            try (Stream<Path> walk = Files.walk(root)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    // ---- for the handlers ----

    String token() {
        return token;
    }

    Blobs blobs() {
        return blobs;
    }

    Throttle throttle() {
        return throttle;
    }

    int treePageSize() {
        return treePageSize;
    }

    long lfsMultipartChunkSize() {
        return lfsMultipartChunkSize;
    }

    String cdnEndpoint() {
        ServerConnector c = cdn;
        return c == null ? null : "http://127.0.0.1:" + c.getLocalPort();
    }

    void completing() {
        synchronized (completingLock) {
            completing++;
        }
    }

    void record(RecordedRequest request, boolean wasCompleting) {
        requests.add(request);
        if (wasCompleting) {
            synchronized (completingLock) {
                completing--;
                completingLock.notifyAll();
            }
        }
    }

    Path partsDir(String oid) throws IOException {
        return Files.createDirectories(root.resolve("parts").resolve(oid));
    }

    /** The first fault matching this request with uses left, which it uses up; or null. */
    Fault takeFault(Exchange ex) {
        List<ActiveFault> candidates = new ArrayList<>(faults);
        for (ActiveFault f : candidates) {
            if (f.file() != null
                    && (ex.file == null || !f.file().matcher(ex.file).matches())) {
                continue;
            }
            if (f.path() != null && !f.path().matcher(ex.path).matches()) {
                continue;
            }
            int left;
            do {
                left = f.left().get();
                if (left == 0) {
                    break;
                }
            } while (!f.left().compareAndSet(left, left < 0 ? left : left - 1));
            if (left != 0) {
                return f.fault();
            }
        }
        return null;
    }

    private ServerConnector newConnector() {
        HttpConfiguration config = new HttpConfiguration();
        config.setSendServerVersion(false);
        config.setUriCompliance(UriCompliance.UNSAFE);
        config.setOutputBufferSize(1 << 16);
        ServerConnector c = new ServerConnector(jetty, 1, 1, new HttpConnectionFactory(config));
        c.setHost("127.0.0.1");
        c.setPort(0);
        c.setIdleTimeout(60_000);
        return c;
    }
}
