package io.kubeai.gitops.spec;

import io.kubeai.gitops.api.diagnostic.Diagnostic;
import io.kubeai.gitops.wording.ReaderHints;
import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;

/**
 * Keeps reading inside the repo. Links are followed only while they stay in it: a spec file or folder
 * that is a link to somewhere else is refused without being read, since {@code generate --check} runs in
 * pull-request CI, where a link to a runner's private key would otherwise end up in a public log.
 */
public final class RepoFiles {
    private final Path repoDir;
    private final Path realRepo;
    private final List<Diagnostic> diagnostics;

    public RepoFiles(Path repoDir, List<Diagnostic> diagnostics) throws IOException {
        this.repoDir = repoDir.toAbsolutePath().normalize();
        this.realRepo = Files.exists(this.repoDir) ? this.repoDir.toRealPath() : this.repoDir;
        this.diagnostics = diagnostics;
    }

    /**
     * True when {@code path} exists and, if it lies in the repo, resolves inside it; a path in the repo that
     * leaves it through a link is reported. A path outside the repo was named on purpose (an option).
     */
    public boolean inside(Path path) throws IOException {
        if (!Files.exists(path)) {
            return false;
        }
        Path abs = path.toAbsolutePath().normalize();
        if (!abs.startsWith(repoDir) || abs.toRealPath().startsWith(realRepo)) {
            return true;
        }
        diagnostics.add(Diagnostics.error(SourcePosition.ofFile(display(path)), ReaderHints.linkLeavesRepo()));
        return false;
    }

    /**
     * Every *.yaml and *.yml file below {@code dir}, sorted by path, following links inside the repo (so a
     * linked {@code models/} folder is read, not silently skipped) and refusing links that leave it.
     */
    public List<Path> yamlFiles(Path dir) throws IOException {
        List<Path> files = new ArrayList<>();
        if (!inside(dir) || !Files.isDirectory(dir)) {
            return files;
        }
        Files.walkFileTree(dir, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) throws IOException {
                return d.equals(dir) || inside(d) ? FileVisitResult.CONTINUE : FileVisitResult.SKIP_SUBTREE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (file.getFileName().toString().matches(".*\\.ya?ml") && inside(file) && attrs.isRegularFile()) {
                    files.add(file);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof FileSystemLoopException) {
                    diagnostics.add(Diagnostics.error(SourcePosition.ofFile(display(file)), ReaderHints.linkLoop()));
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }
        });
        files.sort(null);
        return files;
    }

    /**
     * True when no file under {@code dir} (nor {@code dir} itself) is a symbolic link; each link is reported.
     * Templates are read by FreeMarker, which resolves names itself, so links there are refused outright.
     */
    public boolean noLinks(Path dir) throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return true;
        }
        List<Path> links = new ArrayList<>();
        if (Files.isSymbolicLink(dir)) {
            links.add(dir);
        } else if (Files.isDirectory(dir)) {
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.filter(Files::isSymbolicLink).sorted().forEach(links::add);
            }
        }
        links.forEach(link ->
                diagnostics.add(Diagnostics.error(SourcePosition.ofFile(display(link)), ReaderHints.templateIsLink())));
        return links.isEmpty();
    }

    /** Paths in diagnostics are relative to the repo, with '/' on every platform. */
    public String display(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        Path rel = abs.startsWith(repoDir) ? repoDir.relativize(abs) : abs;
        String shown = rel.toString().replace('\\', '/');
        return shown.isEmpty() ? "." : shown;
    }
}
