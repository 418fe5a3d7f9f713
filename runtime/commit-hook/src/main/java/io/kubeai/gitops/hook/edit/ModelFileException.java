package io.kubeai.gitops.hook.edit;

/** A Model file that cannot be read or edited as asked; a mistake in the file, not a bug. */
public final class ModelFileException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int line;

    public ModelFileException(int line, String message) {
        super(message);
        this.line = line;
    }

    /** 1-based line the problem is on, or 0 when unknown. */
    public int line() {
        return line;
    }
}
