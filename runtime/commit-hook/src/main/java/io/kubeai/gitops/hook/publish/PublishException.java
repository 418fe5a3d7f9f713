package io.kubeai.gitops.hook.publish;

/** A publish that failed for a reason the user must fix: bad URL, missing bucket, refused credentials. */
public final class PublishException extends Exception {

    private static final long serialVersionUID = 1L;

    public PublishException(String message, Throwable cause) {
        super(message, cause);
    }
}
