package io.kubeai.gitops.adaptersync.engine;

/** The engine answered a load or unload with an error status; the message is the engine's own words. */
public final class EngineRejectedException extends Exception {

    private final int status;

    public EngineRejectedException(int status, String message) {
        super("HTTP " + status + ": " + message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
