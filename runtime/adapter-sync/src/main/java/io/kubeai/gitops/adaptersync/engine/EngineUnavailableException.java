package io.kubeai.gitops.adaptersync.engine;

/** The engine could not be reached or is not serving yet (connection refused, timeout, 5xx on /v1/models). */
public final class EngineUnavailableException extends Exception {

    public EngineUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
