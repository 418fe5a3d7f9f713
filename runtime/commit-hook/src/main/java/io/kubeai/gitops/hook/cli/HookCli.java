package io.kubeai.gitops.hook.cli;

import io.kubeai.gitops.hook.HookException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The commit-back hook's command line: {@code commit-adapter} and {@code finish}. Exit codes: 0 done
 * or nothing to do, 1 a failure the user must fix, 2 usage, 3 internal or I/O.
 */
@Command(
        name = "kubeai-commit-hook",
        usageHelpAutoWidth = true,
        description = "Commit a finished finetuning job's adapter to its base Model in the GitOps repo.",
        footer = {
            "",
            "Credentials: GIT_USERNAME and GIT_PASSWORD (or GIT_TOKEN), or --username-file/--password-file.",
            "Exit codes: 0 done or nothing to do, 1 a failure to fix, 2 usage, 3 internal or I/O."
        })
public final class HookCli implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @CommandLine.Option(
            names = {"-h", "--help"},
            usageHelp = true,
            description = "Show this help.")
    boolean help;

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        System.exit(execute(HookEnvironment.system(), out, err, args));
    }

    /** Runs one command line against {@code environment} and returns the exit code. */
    public static int execute(HookEnvironment environment, PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new HookCli());
        cli.addSubcommand(new CommitAdapterCommand(environment));
        cli.addSubcommand(new FinishCommand(environment));
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, command, parsed) -> {
            // HookCommand catches everything it can explain; this is the net under the net.
            err.println(command.getCommandName() + ": internal error: "
                    + e.getClass().getName());
            err.flush();
            return HookException.Kind.INTERNAL.exitCode();
        });
        return cli.execute(args);
    }

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "missing command: commit-adapter or finish");
    }
}
