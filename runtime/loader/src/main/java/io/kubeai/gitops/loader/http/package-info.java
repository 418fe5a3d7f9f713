/**
 * A small blocking HTTP/1.1 client: plain {@code http://} over socket channels with bodies read
 * straight into the caller's buffer (the fast path to an in-cluster bucket or Hub mirror), and
 * {@code https://} over {@link java.net.HttpURLConnection}. Both keep connections alive, send
 * fixed-length uploads, follow redirects dropping the {@code Authorization} header when they leave
 * the origin, and raise errors that carry the status and {@code Retry-After} but never a URL's query
 * string (which may hold a signature).
 */
package io.kubeai.gitops.loader.http;
