package io.kubeai.gitops.hook.cli;

import io.kubeai.gitops.hook.HookException;
import io.kubeai.gitops.hook.RepoUrl;
import io.kubeai.gitops.runtime.redact.Redactor;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What both commands do around their work: every line goes out through the {@link Redactor}, a
 * {@link HookException} becomes one {@code error:} line (plus its details) and its exit code, and
 * anything unexpected is an internal error, exit 3, still one line.
 */
abstract class HookCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    final HookEnvironment environment;

    HookCommand(HookEnvironment environment) {
        this.environment = environment;
    }

    /** Does the work, logging through {@code log}; returns the exit code when all went well. */
    abstract int run(Consumer<String> log) throws HookException;

    /** The repository URL, whose user info (if any) must be redacted. */
    abstract String repoUrl();

    @Override
    public final Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Redactor redactor = new Redactor(secrets());
        try {
            int code = run(line -> {
                out.println(redactor.redact(line));
                out.flush();
            });
            out.flush();
            return code;
        } catch (HookException e) {
            err.println(redactor.redact(spec.name() + ": error: " + e.getMessage()));
            e.details().forEach(d -> err.println(redactor.redact("  " + d)));
            err.flush();
            return e.kind().exitCode();
        } catch (RuntimeException e) {
            err.println(redactor.redact(spec.name() + ": internal error: " + e));
            err.flush();
            return HookException.Kind.INTERNAL.exitCode();
        }
    }

    private List<String> secrets() {
        List<String> secrets = new ArrayList<>();
        secrets.add(environment.env().get(Credentials.PASSWORD_ENV));
        secrets.add(environment.env().get(Credentials.TOKEN_ENV));
        // The publisher's credentials too: the loader never prints them, and this makes sure.
        for (String name : List.of("AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "HF_TOKEN")) {
            secrets.add(environment.env().get(name));
        }
        if (repoUrl() != null) {
            secrets.addAll(RepoUrl.secrets(repoUrl()));
        }
        return secrets;
    }
}
