package io.kubeai.gitops.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Renders N synthetic Models (a mix of cache modes and adapters) with the kubeai CLI, with and without
 * the strict validation generate does before writing (what it costs is the difference), validates the
 * tree with the separate command, re-runs to prove nothing is written, and times
 * {@code kubectl kustomize} on the same tree.
 * Not a test: run {@code bench/render-benchmark.sh [N]}.
 */
public final class RenderBenchmark {
    private static final int ROUNDS = 3;

    private RenderBenchmark() {}

    private static Run faster(Run best, Run run) {
        return best == null || run.seconds() < best.seconds() ? run : best;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var walk = Files.walk(dir)) {
                walk.sorted(java.util.Comparator.reverseOrder())
                        .forEach(p -> p.toFile().delete());
            }
        }
    }

    public static void main(String[] args) throws Exception {
        int models = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        String cliJar = args.length > 1 ? args[1] : System.getProperty("kubeai.cli.jar");
        Path repo = Files.createTempDirectory("kubeai-bench-");
        try {
            SyntheticRepo.write(repo, models);
            List<String> java = List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx512m",
                    "-XX:TieredStopAtLevel=1",
                    "-XX:+UseSerialGC",
                    "-jar",
                    cliJar);

            // Generate alone (--no-validate) and generate with its strict validation, interleaved and
            // best of ROUNDS each, into a fresh rendered/ every time: the difference is what validation costs.
            Run alone = null;
            Run validated = null;
            for (int round = 0; round < ROUNDS; round++) {
                deleteTree(repo.resolve("rendered"));
                alone = faster(alone, Run.of(concat(java, "generate", "--no-validate", repo.toString())));
                deleteTree(repo.resolve("rendered"));
                validated = faster(validated, Run.of(concat(java, "generate", repo.toString())));
            }
            Run validate =
                    Run.of(concat(java, "validate", repo.resolve("rendered").toString()));
            Run rerun = Run.of(concat(java, "generate", repo.toString()));
            Run kustomize = Run.ofOptional(
                    List.of("kubectl", "kustomize", repo.resolve("rendered").toString()));
            long files;
            try (var walk = Files.walk(repo.resolve("rendered"))) {
                files = walk.filter(Files::isRegularFile).count();
            }

            System.out.printf(
                    Locale.ROOT, "models: %d, rendered files: %d, documents: %s%n", models, files, validate.lastLine());
            System.out.printf(
                    Locale.ROOT,
                    "kubeai generate --no-validate:     %7.2f s wall, %6.0f models/s, peak RSS %4d MiB (best of %d)%n",
                    alone.seconds(),
                    models / alone.seconds(),
                    alone.peakRssMiB(),
                    ROUNDS);
            System.out.printf(
                    Locale.ROOT,
                    "kubeai generate (validating):      %7.2f s wall, %6.0f models/s, peak RSS %4d MiB (best of %d)%n",
                    validated.seconds(),
                    models / validated.seconds(),
                    validated.peakRssMiB(),
                    ROUNDS);
            System.out.printf(
                    Locale.ROOT,
                    "validation inside generate costs:  %+7.2f s wall (target at most +0.50 s)%n",
                    validated.seconds() - alone.seconds());
            System.out.printf(
                    Locale.ROOT,
                    "kubeai validate (separate CLI):    %7.2f s wall, peak RSS %4d MiB%n",
                    validate.seconds(),
                    validate.peakRssMiB());
            System.out.printf(
                    Locale.ROOT,
                    "re-run with no change:             %7.2f s wall, output: %s%n",
                    rerun.seconds(),
                    rerun.lastLine());
            if (kustomize != null) {
                System.out.printf(
                        Locale.ROOT,
                        "kubectl kustomize (peer):          %7.2f s wall on the same tree%n",
                        kustomize.seconds());
            } else {
                System.out.println("kubectl kustomize (peer):          kubectl not on PATH");
            }
            InProcess.measure(repo);
        } finally {
            try (var walk = Files.walk(repo)) {
                walk.sorted(java.util.Comparator.reverseOrder())
                        .forEach(p -> p.toFile().delete());
            }
        }
    }

    private static List<String> concat(List<String> base, String... more) {
        List<String> all = new ArrayList<>(base);
        all.addAll(List.of(more));
        return all;
    }

    /** One child process: wall time, peak resident memory (VmHWM), last output line. */
    record Run(double seconds, long peakRssMiB, String lastLine) {
        static Run of(List<String> command) throws IOException, InterruptedException {
            Run run = ofOptional(command);
            if (run == null) {
                throw new IllegalStateException("cannot run " + command);
            }
            return run;
        }

        static Run ofOptional(List<String> command) throws IOException, InterruptedException {
            long start = System.nanoTime();
            Process process;
            try {
                process = new ProcessBuilder(command).redirectErrorStream(true).start();
            } catch (IOException e) {
                return null;
            }
            Path status = Path.of("/proc", Long.toString(process.pid()), "status");
            long peakKib = 0;
            byte[] output;
            var reader = new Thread(() -> {});
            StringBuilder text = new StringBuilder();
            reader = new Thread(() -> {
                try {
                    text.append(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
                } catch (IOException ignored) {
                    // the process's output is only informative
                }
            });
            reader.start();
            while (!process.waitFor(10, TimeUnit.MILLISECONDS)) {
                peakKib = Math.max(peakKib, hwmKib(status));
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            reader.join();
            if (process.exitValue() != 0) {
                throw new IllegalStateException(command + " failed:\n" + text);
            }
            List<String> lines = text.toString().strip().lines().toList();
            return new Run(seconds, peakKib / 1024, lines.isEmpty() ? "" : lines.get(lines.size() - 1));
        }

        private static long hwmKib(Path status) {
            try {
                for (String line : Files.readAllLines(status)) {
                    if (line.startsWith("VmHWM:")) {
                        return Long.parseLong(line.replaceAll("[^0-9]", ""));
                    }
                }
            } catch (IOException | RuntimeException e) {
                // the process may have just exited
            }
            return 0;
        }
    }

    /** The same work in this JVM, after a warm-up, with the heap's peak from the memory pools. */
    static final class InProcess {
        static void measure(Path repo) throws IOException {
            var generator = new io.kubeai.gitops.api.Generator();
            var request = io.kubeai.gitops.api.GenerateRequest.builder(repo)
                    .outputDir(repo.resolve("in-process"))
                    .build();
            generator.generate(request);
            deleteTree(repo.resolve("in-process"));
            System.gc();
            ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
            long start = System.nanoTime();
            generator.generate(request);
            double seconds = (System.nanoTime() - start) / 1e9;
            long peak = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    peak += pool.getPeakUsage().getUsed();
                }
            }
            System.out.printf(
                    Locale.ROOT,
                    "in-process generate (warm JVM):   %7.2f s wall, peak heap %4d MiB%n",
                    seconds,
                    peak / (1024 * 1024));
        }

        private static void deleteTree(Path dir) throws IOException {
            try (var walk = Files.walk(dir)) {
                walk.sorted(java.util.Comparator.reverseOrder())
                        .forEach(p -> p.toFile().delete());
            }
        }
    }
}
