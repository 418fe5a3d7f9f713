package io.kubeai.gitops.validator;

import io.kubeai.gitops.validator.podsecurity.PodSecurity;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code validate [--openapi PATH]... [--crds PATH]... [--shared DIR] [--catalog] [--pod-security LEVEL] [--reject-null-values] PATH...}:
 * validates files and directories and prints one line per violation, then a summary. With no schema
 * option it uses the built-in schema catalog; {@code --openapi}, {@code --crds} and {@code --shared}
 * replace it (a cluster's own document), and {@code --catalog} keeps it under them.
 *
 * <p>Exit codes as in every kubeai command: 0 every document is valid, 1 some are not, 2 the
 * arguments are wrong, 3 a file could not be read (manifests or schemas).
 */
public final class ValidateCommand {
    static final int OK = 0;
    static final int INVALID = 1;
    static final int USAGE = 2;
    static final int FAILURE = 3;

    private static final String USAGE_TEXT = """
            usage: validate [--openapi PATH]... [--crds PATH]... [--shared DIR] [--catalog] [--pod-security LEVEL]
                            [--reject-null-values] PATH...
              (no schema option)    the built-in catalog: Kubernetes 1.35, VolumeSnapshot, Kustomization, and the
                                    Argo CD, Flux, HTTPRoute, InferencePool and KEDA CRDs
              --openapi PATH        an OpenAPI document (kubectl get --raw /openapi/v2), or a directory of them,
                                    instead of the catalog
              --crds PATH           a CustomResourceDefinition file, or a directory of them, instead of the catalog
              --shared DIR          DIR/kubernetes-openapi and DIR/crds
              --catalog             the catalog too, under the documents given (they override it)
              --pod-security LEVEL  also report each pod template's violations of the Pod Security Standard
                                    LEVEL (baseline or restricted), by container and field
              --reject-null-values  check 'field: null' against the field's type instead of reading it as absent
              PATH                  a manifest file, or a directory of *.yaml and *.yml files""";

    private ValidateCommand() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command; returns the exit code instead of exiting, so it can be called from tests. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        ManifestValidator.Builder builder = ManifestValidator.builder();
        List<Path> targets = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            boolean takesValue = arg.equals("--openapi")
                    || arg.equals("--crds")
                    || arg.equals("--shared")
                    || arg.equals("--pod-security");
            if (takesValue && i + 1 == args.length) {
                return usage(err, arg + " needs a value");
            }
            switch (arg) {
                case "--openapi" -> builder.openApi(Path.of(args[++i]));
                case "--crds" -> builder.crds(Path.of(args[++i]));
                case "--shared" -> {
                    Path shared = Path.of(args[++i]);
                    builder.openApi(shared.resolve("kubernetes-openapi")).crds(shared.resolve("crds"));
                }
                case "--catalog" -> builder.catalog();
                case "--pod-security" -> {
                    String level = args[++i];
                    if (!level.equals("baseline") && !level.equals("restricted")) {
                        return usage(err, "--pod-security takes baseline or restricted, not '" + level + "'");
                    }
                    builder.podSecurity(PodSecurity.Level.parse(level));
                }
                case "--reject-null-values" -> builder.rejectNullValues(true);
                case "-h", "--help" -> {
                    out.println(USAGE_TEXT);
                    return OK;
                }
                default -> {
                    if (arg.startsWith("-")) {
                        return usage(err, "unknown option " + arg);
                    }
                    targets.add(Path.of(arg));
                }
            }
        }
        if (targets.isEmpty()) {
            return usage(err, "give at least one manifest file or directory");
        }
        return validate(builder, targets, out, err);
    }

    private static int validate(
            ManifestValidator.Builder builder, List<Path> targets, PrintStream out, PrintStream err) {
        ManifestValidator validator;
        try {
            validator = builder.build();
        } catch (IOException e) {
            err.println("error: cannot load the schemas: " + describe(e));
            return FAILURE;
        }
        ValidationReport report;
        try {
            report = validator.validatePaths(targets);
        } catch (IOException e) {
            err.println("error: cannot read the manifests: " + describe(e));
            return FAILURE;
        }
        report.violations().forEach(violation -> out.println(violation.format()));
        out.println(count(report.documents(), "document") + " in " + count(report.files(), "file") + ": "
                + (report.passed() ? "all valid" : count(report.violations().size(), "violation")));
        return report.passed() ? OK : INVALID;
    }

    private static String describe(IOException e) {
        return e instanceof NoSuchFileException ? "no such file or directory: " + e.getMessage() : e.getMessage();
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static int usage(PrintStream err, String problem) {
        err.println("error: " + problem);
        err.println(USAGE_TEXT);
        return USAGE;
    }
}
