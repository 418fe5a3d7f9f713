/**
 * The one redactor of the runtime programs: every line they print or log passes it, so that a token, a
 * key or a password never reaches a pod's log, a Job's status or an HTTP response.
 */
package io.kubeai.gitops.runtime.redact;
