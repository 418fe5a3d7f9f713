/**
 * A real Git smart-HTTP server for tests: JGit's {@code GitServlet} on Jetty, bound to 127.0.0.1 on a
 * free port, with HTTP basic auth and push (receive-pack) enabled, serving bare repositories from a
 * folder. Tests seed a repository from a folder of files and then clone, fetch and push over HTTP
 * exactly as a client in the cluster would.
 */
package io.kubeai.gitops.testing.git;
