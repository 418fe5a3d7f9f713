/**
 * A small blocking HTTP/1.1 client over {@link java.net.HttpURLConnection}: large reads straight
 * into the caller's buffer, keep-alive, fixed-length uploads, redirects that drop the
 * {@code Authorization} header when they leave the origin, and errors that carry the status and
 * {@code Retry-After} but never a URL's query string (which may hold a signature).
 */
package io.kubeai.gitops.loader.http;
