package io.kubeai.gitops.loader.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubeai.gitops.loader.api.LoaderException;
import io.kubeai.gitops.loader.api.LoaderListener;
import io.kubeai.gitops.loader.api.Progress;
import io.kubeai.gitops.loader.progress.Formats;
import io.kubeai.gitops.runtime.redact.Redactor;
import java.io.PrintStream;

/**
 * What the CLI prints: log lines and progress on stdout (as text or one JSON object a line), errors
 * on stderr. Every line passes the {@link Redactor}.
 */
final class Output implements LoaderListener {
    /** How progress and events are printed. */
    enum Mode {
        TEXT,
        JSON,
        NONE
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final PrintStream out;
    private final PrintStream err;
    private final Mode mode;
    private final Redactor redactor;

    Output(PrintStream out, PrintStream err, Mode mode, Redactor redactor) {
        this.out = out;
        this.err = err;
        this.mode = mode;
        this.redactor = redactor;
    }

    @Override
    public void progress(Progress p) {
        if (mode == Mode.TEXT) {
            line(Formats.text(p));
        } else if (mode == Mode.JSON) {
            ObjectNode n = JSON.createObjectNode()
                    .put("event", "progress")
                    .put("bytesDone", p.bytesDone())
                    .put("bytesTotal", p.bytesTotal())
                    .put("filesDone", p.filesDone())
                    .put("filesTotal", p.filesTotal())
                    .put("mbPerSecond", Math.round(p.bytesPerSecond() / 1e5) / 10.0);
            if (p.eta() != null) {
                n.put("etaSeconds", p.eta().toSeconds());
            }
            line(n.toString());
        }
    }

    @Override
    public void info(String message) {
        event("info", message);
    }

    @Override
    public void warn(String message) {
        event("warning", message);
    }

    private void event(String kind, String message) {
        if (mode == Mode.JSON) {
            line(JSON.createObjectNode()
                    .put("event", kind)
                    .put("message", redactor.redact(message))
                    .toString());
        } else {
            line(kind.equals("info") ? message : kind + ": " + message);
        }
    }

    /** Prints a failure: on stderr always, and as a JSON event in JSON mode. */
    void error(LoaderException e) {
        String message = redactor.redact(e.getMessage());
        if (mode == Mode.JSON) {
            line(JSON.createObjectNode()
                    .put("event", "error")
                    .put("reason", e.reason().name())
                    .put("message", message)
                    .toString());
        }
        synchronized (err) {
            err.println("error: " + message);
            err.flush();
        }
    }

    /** A final result line in JSON mode. */
    void result(ObjectNode n) {
        if (mode == Mode.JSON) {
            line(n.put("event", "done").toString());
        }
    }

    static ObjectNode node() {
        return JSON.createObjectNode();
    }

    private void line(String text) {
        synchronized (out) {
            out.println(redactor.redact(text));
            out.flush();
        }
    }
}
