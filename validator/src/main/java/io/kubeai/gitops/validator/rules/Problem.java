package io.kubeai.gitops.validator.rules;

/**
 * One thing the API server or a Pod Security Standard would reject.
 *
 * @param path    JSON pointer to the offending value in the document
 * @param message what is wrong, in the API server's words where it has them
 */
public record Problem(String path, String message) {}
