package io.kubeai.gitops.testing.git;

import jakarta.servlet.DispatcherType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.errors.RepositoryNotFoundException;
import org.eclipse.jgit.http.server.GitServlet;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.ReceivePack;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.resolver.ServiceNotEnabledException;
import org.eclipse.jgit.util.FileUtils;

/**
 * An in-process Git smart-HTTP server with basic auth and push enabled. Repositories live as bare
 * repositories under a root folder and are served at {@code http://127.0.0.1:PORT/git/NAME.git}.
 *
 * <pre>{@code
 * try (GitHttpServer git = GitHttpServer.start(tmp, "bot", "s3cret")) {
 *     String url = git.seed("gitops", "main", Path.of("src/test/resources/repo"));
 *     // clone, commit and push to url with the same credentials
 * }
 * }</pre>
 */
public final class GitHttpServer implements AutoCloseable {

    private static final PersonIdent SEEDER = new PersonIdent("Test Seeder", "seeder@example.invalid");

    private final Path root;
    private final Server server;
    private final BasicAuthFilter auth;
    private final AtomicInteger pushes = new AtomicInteger();
    private volatile boolean pushDenied;
    private final int port;

    private GitHttpServer(Path root, String username, String password) throws Exception {
        this.root = root;
        this.auth = username == null ? null : new BasicAuthFilter(username, password);
        this.server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        context.addServlet(new ServletHolder(gitServlet()), "/git/*");
        if (auth != null) {
            context.addFilter(new FilterHolder(auth), "/*", EnumSet.of(DispatcherType.REQUEST));
        }
        server.setHandler(context);
        server.start();
        this.port = connector.getLocalPort();
    }

    /** Starts a server over {@code root} that accepts only this user and password. */
    public static GitHttpServer start(Path root, String username, String password) {
        try {
            return new GitHttpServer(root, username, password);
        } catch (Exception e) {
            throw new IllegalStateException("could not start the Git HTTP server", e);
        }
    }

    /** Starts a server over {@code root} that asks for no credentials. */
    public static GitHttpServer startWithoutAuth(Path root) {
        return start(root, null, null);
    }

    private GitServlet gitServlet() {
        GitServlet servlet = new GitServlet();
        servlet.setRepositoryResolver((request, name) -> open(name));
        servlet.setReceivePackFactory((request, db) -> {
            if (pushDenied) {
                throw new ServiceNotEnabledException("push denied");
            }
            ReceivePack receive = new ReceivePack(db);
            receive.setRefLogIdent(new PersonIdent("git-http-server", "server@example.invalid"));
            receive.setPostReceiveHook((rp, commands) -> pushes.incrementAndGet());
            return receive;
        });
        return servlet;
    }

    private Repository open(String name) throws RepositoryNotFoundException {
        Path dir = root.resolve(name).normalize();
        if (!dir.startsWith(root) || !Files.isDirectory(dir)) {
            throw new RepositoryNotFoundException(name);
        }
        try {
            return new FileRepositoryBuilder()
                    .setGitDir(dir.toFile())
                    .setMustExist(true)
                    .build();
        } catch (IOException e) {
            throw new RepositoryNotFoundException(name, e);
        }
    }

    /** The port the server listens on, on 127.0.0.1. */
    public int port() {
        return port;
    }

    /** The clone URL of a repository, whether or not it exists yet. */
    public String url(String name) {
        return "http://127.0.0.1:" + port + "/git/" + name + ".git";
    }

    /** The bare repository folder behind {@link #url(String)}, for inspecting it directly. */
    public Path repositoryDir(String name) {
        return root.resolve(name + ".git");
    }

    /** Makes every push fail with 403, as for credentials that may read but not write. */
    public void denyPushes(boolean denied) {
        this.pushDenied = denied;
    }

    /** How many pushes the server accepted so far. */
    public int acceptedPushes() {
        return pushes.get();
    }

    /** How many requests came with credentials that were refused. */
    public int refusedLogins() {
        return auth == null ? 0 : auth.refused();
    }

    /**
     * Creates the bare repository {@code name} (if needed) and commits every file under {@code content}
     * to {@code branch} as one commit on top of what the branch has. Returns the clone URL.
     */
    public String seed(String name, String branch, Path content) {
        Path bare = repositoryDir(name);
        Path work = null;
        try {
            if (!Files.isDirectory(bare)) {
                Git.init()
                        .setBare(true)
                        .setInitialBranch(branch)
                        .setDirectory(bare.toFile())
                        .call()
                        .close();
            }
            boolean exists;
            try (Repository repository = open(name + ".git")) {
                exists = repository.exactRef("refs/heads/" + branch) != null;
            }
            work = Files.createTempDirectory("git-seed-");
            try (Git git = exists
                    ? Git.cloneRepository()
                            .setURI(bare.toUri().toString())
                            .setBranch(branch)
                            .setDirectory(work.toFile())
                            .call()
                    : Git.init()
                            .setInitialBranch(branch)
                            .setDirectory(work.toFile())
                            .call()) {
                copyTree(content, work);
                git.add().addFilepattern(".").call();
                git.commit()
                        .setAuthor(SEEDER)
                        .setCommitter(SEEDER)
                        .setSign(false)
                        .setMessage("Seed " + name + " from " + content.getFileName())
                        .call();
                git.push()
                        .setRemote(bare.toUri().toString())
                        .setRefSpecs(new RefSpec("refs/heads/" + branch + ":refs/heads/" + branch))
                        .call();
            }
            return url(name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GitAPIException e) {
            throw new IllegalStateException("could not seed " + name, e);
        } finally {
            deleteQuietly(work);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(file).toString());
                if (from.relativize(file).startsWith(".git")) {
                    continue;
                }
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir != null) {
            try {
                FileUtils.delete(dir.toFile(), FileUtils.RECURSIVE | FileUtils.RETRY | FileUtils.SKIP_MISSING);
            } catch (IOException ignored) {
                // A leftover temp folder is harmless.
            }
        }
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("could not stop the Git HTTP server", e);
        }
    }
}
