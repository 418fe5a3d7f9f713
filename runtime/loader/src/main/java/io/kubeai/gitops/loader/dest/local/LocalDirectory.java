package io.kubeai.gitops.loader.dest.local;

import io.kubeai.gitops.loader.api.CompletionMarker;
import io.kubeai.gitops.loader.api.FileEntry;
import io.kubeai.gitops.loader.api.LoaderException;
import io.kubeai.gitops.loader.api.LoaderException.Reason;
import io.kubeai.gitops.loader.dest.Destination;
import io.kubeai.gitops.loader.dest.DoneJob;
import io.kubeai.gitops.loader.dest.FileJob;
import io.kubeai.gitops.loader.source.SourceFile;
import io.kubeai.gitops.loader.verify.Digests;
import io.kubeai.gitops.loader.verify.MarkerJson;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/** A directory as the cache; see the package description. */
public final class LocalDirectory implements Destination {
    private final Path root;
    private final boolean fsync;
    private Journal journal;

    /**
     * @param root the cache directory
     * @param fsync whether files and the marker are forced to disk before the marker is written
     */
    public LocalDirectory(Path root, boolean fsync) {
        this.root = root.toAbsolutePath().normalize();
        this.fsync = fsync;
    }

    @Override
    public String display() {
        return root.toString();
    }

    boolean fsync() {
        return fsync;
    }

    synchronized Journal journal() {
        if (journal == null) {
            journal = new Journal(root.resolve(".kubeai/verified.jsonl"));
        }
        return journal;
    }

    @Override
    public Optional<CompletionMarker> readMarker() {
        Path marker = root.resolve(CompletionMarker.PATH);
        try {
            return Optional.of(MarkerJson.read(Files.readAllBytes(marker)));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    @Override
    public void removeMarker() throws LoaderException {
        try {
            if (Files.deleteIfExists(root.resolve(CompletionMarker.PATH)) && fsync) {
                force(root.resolve(".kubeai"));
            }
        } catch (IOException e) {
            throw new LoaderException(Reason.IO, "cannot remove the old marker in " + root + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void writeMarker(CompletionMarker marker) throws LoaderException {
        Path target = root.resolve(CompletionMarker.PATH);
        Path tmp = target.resolveSibling("complete.json.tmp");
        try {
            Files.createDirectories(target.getParent());
            try (FileChannel c = FileChannel.open(
                    tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                c.write(ByteBuffer.wrap(MarkerJson.write(marker)));
                if (fsync) {
                    c.force(true);
                }
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            if (fsync) {
                force(target.getParent());
            }
        } catch (IOException e) {
            throw new LoaderException(Reason.IO, "cannot write the marker " + target + ": " + e.getMessage(), e);
        }
    }

    @Override
    public FileJob prepare(SourceFile file, long partSize) throws LoaderException {
        Path target = inside(file.path());
        try {
            Journal.Entry known = journal().get(file.path());
            if (Files.isRegularFile(target) && Files.size(target) == file.size()) {
                if (known != null
                        && known.size() == file.size()
                        && known.identity().equals(file.identity())) {
                    return new DoneJob(file, known.file());
                }
                if (file.sha256() != null) {
                    Digests.Outcome found = digest(target);
                    if (found.sha256().equals(file.sha256())) {
                        FileEntry entry = new FileEntry(file.path(), file.size(), found.sha256(), found.crc32c());
                        journal().append(new Journal.Entry(entry, file.identity()));
                        return new DoneJob(file, entry);
                    }
                }
            }
            return new LocalFileJob(this, file, target, inside(".kubeai/partial/" + file.path()), partSize);
        } catch (IOException e) {
            throw new LoaderException(Reason.IO, "cannot prepare " + target + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void prune(Set<String> keep, Collection<FileEntry> previous) throws LoaderException {
        for (FileEntry old : previous) {
            if (!keep.contains(old.path())) {
                try {
                    Files.deleteIfExists(inside(old.path()));
                } catch (IOException e) {
                    throw new LoaderException(
                            Reason.IO, "cannot remove " + old.path() + " of the previous load: " + e.getMessage(), e);
                }
            }
        }
    }

    @Override
    public void seal(Collection<FileEntry> files) throws LoaderException {
        try {
            Path partials = root.resolve(".kubeai/partial");
            if (Files.isDirectory(partials)) {
                try (Stream<Path> walk = Files.walk(partials)) {
                    for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(p);
                    }
                }
            }
            if (fsync) {
                Set<Path> dirs = new HashSet<>();
                for (FileEntry f : files) {
                    dirs.add(inside(f.path()).getParent());
                }
                for (Path d : dirs) {
                    force(d);
                }
            }
        } catch (IOException e) {
            throw new LoaderException(Reason.IO, "cannot finish " + root + ": " + e.getMessage(), e);
        }
    }

    /** Resolves a source path below the root, refusing paths that would leave it. */
    private Path inside(String path) throws LoaderException {
        Path p = root.resolve(path).normalize();
        if (!p.startsWith(root) || p.equals(root)) {
            throw new LoaderException(Reason.INPUT, "refusing the path '" + path + "': it leaves " + root);
        }
        return p;
    }

    /** The sha256 and CRC32C of a file already in place, computed in full. */
    private static Digests.Outcome digest(Path file) throws IOException {
        Digests d = new Digests(SourceFile.of(file.toString(), Files.size(file)));
        ByteBuffer buf = LocalFileJob.IO_BUFFER.get();
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            while (in.read(buf.clear()) > 0) {
                d.update(buf.flip());
            }
        }
        return d.finish();
    }

    private static void force(Path dir) throws IOException {
        try (FileChannel c = FileChannel.open(dir, StandardOpenOption.READ)) {
            c.force(true);
        }
    }
}
