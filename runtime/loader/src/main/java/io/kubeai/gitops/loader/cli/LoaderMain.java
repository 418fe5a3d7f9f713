package io.kubeai.gitops.loader.cli;

import io.kubeai.gitops.loader.api.LoaderEnv;
import io.kubeai.gitops.loader.api.LoaderException;
import io.kubeai.gitops.runtime.redact.Redactor;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code kubeai-loader}: the entry point of the loader image. */
@Command(
        name = "kubeai-loader",
        mixinStandardHelpOptions = true,
        versionProvider = LoaderMain.Version.class,
        subcommands = {
            LoadCommand.class,
            WaitCommand.class,
            PublishCommand.class,
            CreateBucketsCommand.class,
            BucketCredentialsCommand.class
        },
        description = {
            "Fills model caches for KubeAI serving pods, verified and resumable.",
            "",
            "Exit codes: 0 done, 1 failed (bad input, verification, exhausted retries, timeout), 2 usage."
        })
public final class LoaderMain implements Callable<Integer> {
    final LoaderEnv env;
    final PrintStream out;
    final PrintStream err;

    @Spec
    CommandSpec spec;

    LoaderMain(LoaderEnv env, PrintStream out, PrintStream err) {
        this.env = env;
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        Preload.start(args);
        System.exit(run(args, LoaderEnv.system(), System.out, System.err));
    }

    /** Runs the CLI and returns its exit code. */
    public static int run(String[] args, LoaderEnv env, PrintStream out, PrintStream err) {
        if (System.getProperty("http.maxConnections") == null) {
            System.setProperty("http.maxConnections", "64");
        }
        CommandLine cli = new CommandLine(new LoaderMain(env, out, err));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            Redactor redactor = new Redactor(env.secrets());
            err.println("error: internal failure: " + redactor.redact(String.valueOf(e)));
            return 1;
        });
        return cli.execute(args);
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(err);
        return 2;
    }

    /** Runs a command body, printing a failure and turning it into exit code 1. */
    static int guarded(Output output, Body body) {
        try {
            body.run();
            return 0;
        } catch (LoaderException e) {
            output.error(e);
            return 1;
        }
    }

    /** A command body that may fail. */
    @FunctionalInterface
    interface Body {
        void run() throws LoaderException;
    }

    /** The version from the jar manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = LoaderMain.class.getPackage().getImplementationVersion();
            return new String[] {"kubeai-loader " + (v == null ? "development" : v)};
        }
    }
}
