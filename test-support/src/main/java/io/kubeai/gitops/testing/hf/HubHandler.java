package io.kubeai.gitops.testing.hf;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** Routes a request to the API, a download or LFS, after auth and fault injection. */
final class HubHandler extends Handler.Abstract {
    private static final Set<String> API_VERBS = Set.of("revision", "tree", "preupload", "commit");

    private final HfTestServer server;
    private final ApiRoutes api;
    private final Downloads downloads;
    private final LfsRoutes lfs;

    HubHandler(HfTestServer server) {
        this.server = server;
        this.api = new ApiRoutes(server);
        this.downloads = new Downloads(server);
        this.lfs = new LfsRoutes(server);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        Exchange ex = new Exchange(request, response, callback);
        ex.onCompleting(server::completing);
        String auth = ex.header(HttpHeader.AUTHORIZATION);
        try {
            route(ex, auth);
        } catch (RuntimeException | IOException e) {
            if (!response.isCommitted()) {
                ex.error(500, null, "test server failure: " + e);
            } else {
                ex.completing();
                callback.failed(e);
            }
        } finally {
            server.record(ex.record(auth != null), ex.isCompleting());
        }
        return true;
    }

    private void route(Exchange ex, String auth) throws IOException {
        List<String> s = ex.segments;
        boolean signed =
                !s.isEmpty() && Set.of("cdn", "lfs-upload", "lfs-verify").contains(s.get(0));
        fillRepoAndFile(ex);
        if (!signed && !authorized(ex, auth)) {
            return;
        }
        Fault fault = server.takeFault(ex);
        if (fault != null && fault.kind() == Fault.Kind.STATUS) {
            if (fault.retryAfter() != null) {
                ex.response
                        .getHeaders()
                        .put(
                                HttpHeader.RETRY_AFTER,
                                Long.toString(fault.retryAfter().toSeconds()));
            }
            ex.error(fault.status(), null, "fault injected: HTTP " + fault.status());
            return;
        }
        if (fault != null && fault.kind() == Fault.Kind.DELAY) {
            sleep(fault.delay());
            fault = null;
        }
        dispatch(ex, fault);
    }

    private void dispatch(Exchange ex, Fault fault) throws IOException {
        List<String> s = ex.segments;
        String m = ex.method;
        if (s.size() >= 3
                && s.get(0).equals("api")
                && s.get(1).equals("repos")
                && s.get(2).equals("create")
                && m.equals("POST")) {
            api.createRepo(ex);
            return;
        }
        if (s.size() >= 2
                && s.get(0).equals("api")
                && (s.get(1).equals("models") || s.get(1).equals("datasets"))) {
            int verb = verbIndex(s);
            if (verb > 0 && verb + 1 < s.size()) {
                // A dataset's repo id keeps its prefix, as in its download URLs: datasets/org/name.
                String repo = (s.get(1).equals("datasets") ? "datasets/" : "") + String.join("/", s.subList(2, verb));
                String rev = s.get(verb + 1);
                switch (s.get(verb) + " " + m) {
                    case "revision GET" -> api.revision(ex, repo, rev);
                    case "tree GET" -> api.tree(ex, repo, rev, String.join("/", s.subList(verb + 2, s.size())));
                    case "preupload POST" -> api.preupload(ex, repo);
                    case "commit POST" -> api.commit(ex, repo, rev);
                    default -> ex.error(405, null, "method not allowed");
                }
                return;
            }
        }
        if (s.size() == 2 && s.get(0).equals("cdn")) {
            downloads.cdn(ex, s.get(1), fault);
            return;
        }
        if (s.size() == 2 && s.get(0).equals("lfs-upload")) {
            if (m.equals("PUT")) {
                lfs.upload(ex, s.get(1));
            } else {
                lfs.complete(ex, s.get(1));
            }
            return;
        }
        if (s.size() == 2 && s.get(0).equals("lfs-verify")) {
            lfs.verify(ex, s.get(1));
            return;
        }
        int resolve = resolveIndex(s);
        if (resolve > 0 && (m.equals("GET") || m.equals("HEAD"))) {
            downloads.resolve(
                    ex,
                    String.join("/", s.subList(0, resolve)),
                    s.get(resolve + 1),
                    String.join("/", s.subList(resolve + 2, s.size())),
                    fault);
            return;
        }
        int batch = s.indexOf("info");
        if (batch > 0
                && s.get(batch - 1).endsWith(".git")
                && s.subList(batch, s.size()).equals(List.of("info", "lfs", "objects", "batch"))) {
            String repo = String.join("/", s.subList(0, batch));
            lfs.batch(ex, repo.substring(0, repo.length() - 4));
            return;
        }
        ex.error(404, null, "no route for " + m + " " + ex.path);
    }

    /** Fills in the repository and file a request addresses before faults are matched against them. */
    private static void fillRepoAndFile(Exchange ex) {
        List<String> s = ex.segments;
        int resolve = resolveIndex(s);
        if (resolve > 0) {
            ex.repo = String.join("/", s.subList(0, resolve));
            ex.file = String.join("/", s.subList(resolve + 2, s.size()));
        } else if (s.size() == 2 && s.get(0).equals("cdn")) {
            ex.file = ex.param("file");
        }
    }

    private boolean authorized(Exchange ex, String auth) throws IOException {
        String token = server.token();
        if (token == null || ("Bearer " + token).equals(auth)) {
            return true;
        }
        if (auth == null) {
            ex.error(401, "RepoNotFound", "Repository Not Found. Authenticate with a token to access it.");
        } else {
            ex.error(401, null, "Invalid credentials in Authorization header");
        }
        return false;
    }

    private static int verbIndex(List<String> s) {
        for (int i = 3; i <= 4 && i < s.size(); i++) {
            if (API_VERBS.contains(s.get(i))) {
                return i;
            }
        }
        return -1;
    }

    /** Where "resolve" stands: after org/name, or after datasets/org/name. */
    private static int resolveIndex(List<String> s) {
        int last = !s.isEmpty() && s.get(0).equals("datasets") ? 3 : 2;
        for (int i = 1; i <= last && i + 2 < s.size(); i++) {
            if (s.get(i).equals("resolve")) {
                return i;
            }
        }
        return -1;
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
