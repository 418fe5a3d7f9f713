package io.kubeai.gitops.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code kubeai}: exit 0 done, 1 the input is wrong (or the output is stale with --check), 2 usage,
 * 3 internal or I/O failure.
 */
@Command(
        name = "kubeai",
        mixinStandardHelpOptions = true,
        versionProvider = KubeaiCli.Version.class,
        description = "Renders KubeAI Models and cache profiles into a Kustomize tree for Argo CD or Flux.",
        subcommands = {GenerateCommand.class, ValidateCommand.class, PlanCommand.class})
public final class KubeaiCli implements Runnable {
    static final int OK = 0;
    static final int BAD_INPUT = 1;
    static final int USAGE = 2;
    static final int FAILURE = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String... args) {
        CommandLine cli = new CommandLine(new KubeaiCli());
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("kubeai: internal error: " + e);
            return FAILURE;
        });
        cli.setExitCodeExceptionMapper(e -> USAGE);
        return cli.execute(args);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command: use 'kubeai generate REPO_DIR'");
    }

    /** The version from the jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = KubeaiCli.class.getPackage().getImplementationVersion();
            return new String[] {"kubeai " + (v == null ? "development" : v)};
        }
    }
}
