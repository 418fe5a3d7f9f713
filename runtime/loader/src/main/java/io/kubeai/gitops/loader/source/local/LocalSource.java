package io.kubeai.gitops.loader.source.local;

import io.kubeai.gitops.loader.api.CompletionMarker;
import io.kubeai.gitops.loader.api.FileEntry;
import io.kubeai.gitops.loader.api.LoaderException;
import io.kubeai.gitops.loader.api.LoaderException.Reason;
import io.kubeai.gitops.loader.source.ExactLengthChannel;
import io.kubeai.gitops.loader.source.Listing;
import io.kubeai.gitops.loader.source.Source;
import io.kubeai.gitops.loader.source.SourceFile;
import io.kubeai.gitops.loader.verify.Digests;
import io.kubeai.gitops.loader.verify.MarkerJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Regular files below a directory (symbolic links followed), without its {@code .kubeai/} folder. */
public final class LocalSource implements Source {
    private final String url;
    private final Path root;
    private Listing listing;

    public LocalSource(String url, Path root) {
        this.url = url;
        this.root = root;
    }

    @Override
    public String url() {
        return url;
    }

    @Override
    public String revision() throws LoaderException {
        return list().revision();
    }

    @Override
    public synchronized Listing list() throws LoaderException {
        if (listing != null) {
            return listing;
        }
        if (!Files.isDirectory(root)) {
            throw new LoaderException(Reason.INPUT, root + " is not a directory");
        }
        Map<String, FileEntry> known = markerEntries();
        List<SourceFile> files = new ArrayList<>();
        MessageDigest revision = Digests.digest("SHA-256");
        try (Stream<Path> walk = Files.walk(root, FileVisitOption.FOLLOW_LINKS)) {
            for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                String path =
                        root.relativize(p).toString().replace(p.getFileSystem().getSeparator(), "/");
                if (SourceFile.isBookkeeping(path)) {
                    continue;
                }
                BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
                String stamp = a.size() + "-" + a.lastModifiedTime().toMillis();
                SourceFile file = new SourceFile(path, a.size(), null, null, null, stamp);
                FileEntry marked = known.get(path + "\n" + a.size());
                files.add(marked == null ? file : file.vouchedFor(marked));
                revision.update((path + "\t" + stamp + "\n").getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException | UncheckedIOException e) {
            throw new LoaderException(Reason.IO, "cannot list " + root + ": " + e.getMessage(), e);
        }
        files.sort(Comparator.comparing(SourceFile::path));
        listing = new Listing("sha256:" + HexFormat.of().formatHex(revision.digest()), files);
        return listing;
    }

    private Map<String, FileEntry> markerEntries() {
        Map<String, FileEntry> known = new HashMap<>();
        Path marker = root.resolve(CompletionMarker.PATH);
        if (Files.isRegularFile(marker)) {
            try {
                for (FileEntry f : MarkerJson.read(Files.readAllBytes(marker)).files()) {
                    known.put(f.path() + "\n" + f.size(), f);
                }
            } catch (IOException e) {
                // Not a marker of ours: nothing known.
            }
        }
        return known;
    }

    @Override
    public ReadableByteChannel open(SourceFile file, long start, long end) throws IOException {
        FileChannel ch = FileChannel.open(root.resolve(file.path()), StandardOpenOption.READ);
        ch.position(start);
        return new ExactLengthChannel(ch, end - start, null);
    }

    @Override
    public String describe(SourceFile file) {
        return root.resolve(file.path()).toString();
    }
}
