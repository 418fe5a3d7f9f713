package io.kubeai.gitops.validator;

/**
 * A problem at one place in one document, before it is dressed with the file and document it came
 * from to become a {@link Violation}.
 *
 * @param path    JSON pointer to the offending value, {@code ""} for the whole document
 * @param message what is wrong
 */
record Finding(String path, String message) {}
