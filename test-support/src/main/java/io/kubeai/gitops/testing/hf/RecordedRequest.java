package io.kubeai.gitops.testing.hf;

/**
 * One request the {@link HfTestServer} answered, for assertions. Tokens are never recorded, only
 * whether an {@code Authorization} header was present.
 *
 * @param method the HTTP method
 * @param path the decoded request path
 * @param query the raw query string, or null
 * @param range the {@code Range} header, or null
 * @param repo the repository the request addressed, or null
 * @param file the repository file a download addressed ({@code resolve} or the CDN), or null
 * @param authorization whether the request carried an {@code Authorization} header
 * @param status the status sent
 * @param bodyBytes the body bytes actually sent (fewer than asked when a fault cut the body)
 * @param rangeStart the first byte asked for, or -1 when the request had no usable range
 * @param rangeEnd the last byte asked for (inclusive), or -1 when the request had no usable range
 */
public record RecordedRequest(
        String method,
        String path,
        String query,
        String range,
        String repo,
        String file,
        boolean authorization,
        int status,
        long bodyBytes,
        long rangeStart,
        long rangeEnd) {

    /** Whether this is a GET of the given repository file that sent body bytes. */
    public boolean isDownloadOf(String repoFile) {
        return "GET".equals(method) && repoFile.equals(file);
    }
}
