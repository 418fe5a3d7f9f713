package io.kubeai.gitops.testing.hf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A model repository on an {@link HfTestServer}: commits, branches and tags over files.
 *
 * <p>Stage changes with {@link #file} and {@link #remove}, then {@link #commit} them onto
 * {@code main}. A file is stored in LFS when its extension is a weight format (safetensors, bin,
 * pth, pt, ckpt, h5, msgpack, onnx, gguf) or it has 10 MiB or more, as the Hub's default
 * {@code .gitattributes} would; {@link #file(String, byte[], boolean)} decides explicitly.
 */
public final class HfRepo {
    /** A commit: its id, its parent (null for the first) and the whole tree. */
    record Commit(String sha, String parent, String summary, SortedMap<String, HfFile> files) {}

    private static final Set<String> LFS_EXTENSIONS =
            Set.of("safetensors", "bin", "pth", "pt", "ckpt", "h5", "msgpack", "onnx", "gguf", "model");
    private static final long LFS_SIZE = 10L << 20;

    private final String id;
    private final Blobs blobs;
    private final Map<String, Commit> commits = new LinkedHashMap<>();
    private final Map<String, String> refs = new TreeMap<>();
    private final SortedMap<String, HfFile> staged = new TreeMap<>();

    HfRepo(String id, Blobs blobs) {
        this.id = id;
        this.blobs = blobs;
    }

    /** The repository id, {@code org/name}. */
    public String id() {
        return id;
    }

    /** Stages a file with the given content; LFS or not by the rule above. */
    public HfRepo file(String path, byte[] content) {
        return file(path, content, defaultLfs(path, content.length));
    }

    /** Stages a file with the given content, in LFS or not. */
    public synchronized HfRepo file(String path, byte[] content, boolean lfs) {
        staged.put(path, HfFile.of(path, blobs.put(content), lfs));
        return this;
    }

    /**
     * Stages a file whose content is read from {@code source}. The server links the file into its
     * store where it can (so large benchmark files are not copied); do not modify it afterwards.
     */
    public HfRepo file(String path, Path source) {
        try {
            return file(path, source, defaultLfs(path, Files.size(source)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stages a file read from {@code source}, in LFS or not. */
    public synchronized HfRepo file(String path, Path source, boolean lfs) {
        staged.put(path, HfFile.of(path, blobs.put(source), lfs));
        return this;
    }

    /** Stages the removal of a file. */
    public synchronized HfRepo remove(String path) {
        staged.remove(path);
        return this;
    }

    /** Commits the staged tree onto {@code main} and returns the new commit id (40 hex digits). */
    public synchronized String commit(String summary) {
        String parent = refs.get("main");
        Commit commit = newCommit(parent, summary, new TreeMap<>(staged));
        refs.put("main", commit.sha());
        return commit.sha();
    }

    /** Points a branch at a commit. */
    public synchronized HfRepo branch(String name, String commitSha) {
        requireCommit(commitSha);
        refs.put(name, commitSha);
        return this;
    }

    /** Points a tag at a commit (the server treats tags and branches alike). */
    public HfRepo tag(String name, String commitSha) {
        return branch(name, commitSha);
    }

    /** The commit {@code main} points at, or null before the first commit. */
    public synchronized String head() {
        return refs.get("main");
    }

    /** The files of a revision (branch, tag or commit id), by path. */
    public synchronized Map<String, HfFile> files(String revision) {
        return resolve(revision)
                .map(c -> Collections.unmodifiableMap(new TreeMap<>(c.files())))
                .orElseThrow(() -> new IllegalArgumentException("no revision " + revision + " in " + id));
    }

    /** The content of a file at a revision. */
    public byte[] read(String revision, String path) {
        HfFile file = files(revision).get(path);
        if (file == null) {
            throw new IllegalArgumentException("no file " + path + " at " + revision + " in " + id);
        }
        try {
            return Files.readAllBytes(blobs.path(file.sha256()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The summaries of all commits, oldest first. */
    public synchronized java.util.List<String> commitSummaries() {
        return commits.values().stream().map(Commit::summary).toList();
    }

    synchronized Optional<Commit> resolve(String revision) {
        String sha = refs.getOrDefault(revision, revision);
        return Optional.ofNullable(commits.get(sha.toLowerCase(Locale.ROOT)));
    }

    /** Applies a commit from the commit API on top of {@code revision}'s head. */
    synchronized Commit apply(String revision, String summary, Map<String, HfFile> added, Set<String> deleted) {
        String parent = refs.get(revision);
        SortedMap<String, HfFile> tree = new TreeMap<>();
        if (parent != null) {
            tree.putAll(commits.get(parent).files());
        }
        deleted.forEach(tree::remove);
        tree.putAll(added);
        Commit commit = newCommit(parent, summary, tree);
        refs.put(revision, commit.sha());
        if ("main".equals(revision)) {
            staged.clear();
            staged.putAll(tree);
        }
        return commit;
    }

    private Commit newCommit(String parent, String summary, SortedMap<String, HfFile> files) {
        MessageDigest sha1 = Blobs.digest("SHA-1");
        sha1.update(
                (id + "\n" + parent + "\n" + summary + "\n" + commits.size() + "\n").getBytes(StandardCharsets.UTF_8));
        files.values().forEach(f -> sha1.update((f.path() + " " + f.sha256() + "\n").getBytes(StandardCharsets.UTF_8)));
        Commit commit = new Commit(
                HexFormat.of().formatHex(sha1.digest()), parent, summary, Collections.unmodifiableSortedMap(files));
        commits.put(commit.sha(), commit);
        return commit;
    }

    private void requireCommit(String sha) {
        if (!commits.containsKey(sha)) {
            throw new IllegalArgumentException("no commit " + sha + " in " + id);
        }
    }

    static boolean defaultLfs(String path, long size) {
        int dot = path.lastIndexOf('.');
        String ext = dot < 0 ? "" : path.substring(dot + 1).toLowerCase(Locale.ROOT);
        return size >= LFS_SIZE || LFS_EXTENSIONS.contains(ext);
    }
}
