package io.kubeai.gitops.hook.testing;

import io.kubeai.gitops.hook.cli.HookCli;
import io.kubeai.gitops.hook.cli.HookEnvironment;
import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * One run of the command line, in process, with everything it printed.
 *
 * @param exitCode the exit code
 * @param out      standard output
 * @param err      standard error
 */
public record HookRun(int exitCode, String out, String err) {

    public static HookRun of(HookEnvironment environment, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = HookCli.execute(environment, new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new HookRun(code, out.toString(), err.toString());
    }

    /** Everything printed, for asserting what must never appear. */
    public String all() {
        return out + err;
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
    }
}
