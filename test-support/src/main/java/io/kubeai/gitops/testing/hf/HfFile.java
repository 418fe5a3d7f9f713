package io.kubeai.gitops.testing.hf;

/**
 * A file in a commit of an {@link HfRepo}.
 *
 * @param path the path in the repository, slash-separated
 * @param size the content length in bytes
 * @param sha256 the sha256 of the content, lower-case hex (the LFS oid for LFS files)
 * @param gitOid the git blob id the tree listing shows (of the pointer file for LFS files)
 * @param lfs whether the file is stored in LFS
 */
public record HfFile(String path, long size, String sha256, String gitOid, boolean lfs) {

    static HfFile of(String path, Blobs.Stored blob, boolean lfs) {
        String gitOid =
                lfs ? Blobs.gitBlobOid(pointer(blob).getBytes(java.nio.charset.StandardCharsets.UTF_8)) : blob.gitOid();
        return new HfFile(path, blob.size(), blob.sha256(), gitOid, lfs);
    }

    /** The git-lfs pointer file that stands in the git tree for an LFS file. */
    static String pointer(Blobs.Stored blob) {
        return "version https://git-lfs.github.com/spec/v1\noid sha256:" + blob.sha256() + "\nsize " + blob.size()
                + "\n";
    }
}
