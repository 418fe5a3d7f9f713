package io.kubeai.gitops.hook;

import java.util.List;

/**
 * A failure of the hook, explained in one line ({@link #getMessage()}), with optional detail lines
 * such as the generator's diagnostics. The kind decides the exit code.
 */
public final class HookException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Who has to act, and so the exit code. */
    public enum Kind {
        /** Something the user must fix: credentials, a missing Model, a conflicting adapter, a lost race. */
        USER(1),
        /** The command line is wrong. */
        USAGE(2),
        /** I/O, the network, or a bug. */
        INTERNAL(3);

        private final int exitCode;

        Kind(int exitCode) {
            this.exitCode = exitCode;
        }

        public int exitCode() {
            return exitCode;
        }
    }

    private final Kind kind;
    private final transient List<String> details;

    public HookException(Kind kind, String message, List<String> details, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.details = List.copyOf(details);
    }

    public static HookException user(String message) {
        return new HookException(Kind.USER, message, List.of(), null);
    }

    public static HookException usage(String message) {
        return new HookException(Kind.USAGE, message, List.of(), null);
    }

    public static HookException internal(String message, Throwable cause) {
        return new HookException(Kind.INTERNAL, message, List.of(), cause);
    }

    public Kind kind() {
        return kind;
    }

    /** Lines that say more, printed under the message; may be empty. */
    public List<String> details() {
        return details;
    }
}
