package io.kubeai.gitops.loader;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs the loader CLI as a real child process, as a Kubernetes Job would. */
public final class ChildLoader {
    private ChildLoader() {}

    /** Starts {@code kubeai-loader args...} with this test's classpath and the given environment. */
    public static Process start(Map<String, String> env, Path log, List<String> jvmFlags, String... args)
            throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmFlags);
        cmd.add("-cp");
        cmd.add(classpath());
        cmd.add("io.kubeai.gitops.loader.cli.LoaderMain");
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("AWS_") || k.startsWith("HF_"));
        pb.environment().putAll(env);
        return pb.start();
    }

    public static Process start(Map<String, String> env, Path log, String... args) throws IOException {
        return start(env, log, List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xmx128m"), args);
    }

    /** The full test classpath: surefire passes it in a property when it uses a manifest-only jar. */
    public static String classpath() {
        String cp = System.getProperty("surefire.test.class.path");
        if (cp == null || cp.isBlank()) {
            cp = System.getProperty("java.class.path");
        }
        return String.join(File.pathSeparator, cp.split(File.pathSeparator));
    }
}
