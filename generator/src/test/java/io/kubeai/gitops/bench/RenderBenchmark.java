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
 *
 * <p>The repo lives on a RAM-backed folder ({@code /dev/shm}) when the machine has one, or where
 * {@code KUBEAI_BENCH_DIR} says: on this project's shared CI disk, writing the same 5,595 files took
 * anywhere from 1.4 s to 5.9 s from one run to the next, a spread that buries the validation's few
 * tenths of a second the comparison is about.
 */
public final class RenderBenchmark {
    private static final int ROUNDS = 6;
    private static final double TARGET_SECONDS = 0.5;

    private RenderBenchmark() {}

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var walk = Files.walk(dir)) {
                walk.sorted(java.util.Comparator.reverseOrder())
                        .forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Runs {@code command} with no rendered/ left from the run before. */
    private static Run fresh(Path repo, List<String> command) throws IOException, InterruptedException {
        deleteTree(repo.resolve("rendered"));
        return Run.of(command);
    }

    /** A fresh folder for the repo: {@code KUBEAI_BENCH_DIR}, else {@code /dev/shm}, else the temp folder. */
    private static Path repoFolder() throws IOException {
        String chosen = System.getenv("KUBEAI_BENCH_DIR");
        if (chosen != null && !chosen.isBlank()) {
            return Files.createTempDirectory(Path.of(chosen), "kubeai-bench-");
        }
        Path memory = Path.of("/dev/shm");
        if (Files.isDirectory(memory) && Files.isWritable(memory)) {
            return Files.createTempDirectory(memory, "kubeai-bench-");
        }
        return Files.createTempDirectory("kubeai-bench-");
    }

    public static void main(String[] args) throws Exception {
        int models = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        String cliJar = args.length > 1 ? args[1] : System.getProperty("kubeai.cli.jar");
        Path repo = repoFolder();
        try {
            SyntheticRepo.write(repo, models);
            List<String> java = List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx512m",
                    "-XX:TieredStopAtLevel=1",
                    "-XX:+UseSerialGC",
                    "-jar",
                    cliJar);

            // Generate alone (--no-validate) and generate with its strict validation, into a fresh rendered/
            // every time, A-B-B-A in each round: each command runs once before and once after the other, so
            // a machine that speeds up or slows down within the round, or a run slowed by the one before it,
            // weighs on both alike. A round's cost is the validating runs' mean less the others' mean.
            List<String> generateAlone = concat(java, "generate", "--no-validate", repo.toString());
            List<String> generateValidating = concat(java, "generate", repo.toString());
            Runs alone = new Runs();
            Runs validated = new Runs();
            List<Double> costs = new ArrayList<>();
            for (int round = 0; round < ROUNDS; round++) {
                Run before = alone.add(fresh(repo, generateAlone));
                Run first = validated.add(fresh(repo, generateValidating));
                Run second = validated.add(fresh(repo, generateValidating));
                Run after = alone.add(fresh(repo, generateAlone));
                costs.add((first.seconds() + second.seconds() - before.seconds() - after.seconds()) / 2);
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
                    Locale.ROOT,
                    "models: %d, rendered files: %d, documents: %s%nrepo on: %s%n",
                    models,
                    files,
                    validate.lastLine(),
                    repo.getParent());
            alone.print("kubeai generate --no-validate:", models);
            validated.print("kubeai generate (validating):", models);
            // The median round is the figure the target is read against; the spread says how far to trust it.
            double pairedCost = Runs.median(costs);
            System.out.printf(
                    Locale.ROOT,
                    "validation inside generate costs:  %+7.2f s wall, median of %d A-B-B-A rounds (rounds from"
                            + " %+.2f to %+.2f s; best runs %+.2f s, medians %+.2f s); target at most %+.2f s: %s%n",
                    pairedCost,
                    ROUNDS,
                    costs.stream().mapToDouble(Double::doubleValue).min().orElseThrow(),
                    costs.stream().mapToDouble(Double::doubleValue).max().orElseThrow(),
                    validated.best().seconds() - alone.best().seconds(),
                    validated.median() - alone.median(),
                    TARGET_SECONDS,
                    pairedCost <= TARGET_SECONDS ? "met" : "not met");
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
                System.out.printf(
                        Locale.ROOT,
                        "ratios to kubectl kustomize:       generate (validating) %.3fx its time (%.0fx faster),"
                                + " validate %.3fx (%.0fx faster)%n",
                        validated.median() / kustomize.seconds(),
                        kustomize.seconds() / validated.median(),
                        validate.seconds() / kustomize.seconds(),
                        kustomize.seconds() / validate.seconds());
            } else {
                System.out.println("kubectl kustomize (peer):          kubectl not on PATH");
            }
            InProcess.measure(repo);
        } finally {
            deleteTree(repo);
        }
    }

    /** Runs of one command: the best and the median wall time. */
    static final class Runs {
        private final List<Run> runs = new ArrayList<>();

        Run add(Run run) {
            runs.add(run);
            return run;
        }

        Run best() {
            return runs.stream()
                    .min(java.util.Comparator.comparingDouble(Run::seconds))
                    .orElseThrow();
        }

        double median() {
            return median(runs.stream().map(Run::seconds).toList());
        }

        static double median(List<Double> values) {
            double[] sorted =
                    values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            int middle = sorted.length / 2;
            return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        }

        void print(String label, int models) {
            Run best = best();
            System.out.printf(
                    Locale.ROOT,
                    "%-34s %7.2f s wall best, %.2f s median, %6.0f models/s, peak RSS %4d MiB (%d runs)%n",
                    label,
                    best.seconds(),
                    median(),
                    models / best.seconds(),
                    best.peakRssMiB(),
                    runs.size());
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
            StringBuilder text = new StringBuilder();
            Thread reader = new Thread(() -> {
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

    /**
     * The same work in this JVM, after a warm-up, with and without validation, and the heap's peak
     * from the memory pools: what a Maven build or the commit hook, which generate many times, pays.
     */
    static final class InProcess {
        static void measure(Path repo) throws IOException {
            var generator = new io.kubeai.gitops.api.Generator();
            double alone = timed(generator, repo, false);
            double validated = timed(generator, repo, true);
            System.out.printf(
                    Locale.ROOT,
                    "in-process generate (warm JVM):    %7.2f s wall --no-validate, %.2f s validating (%+.2f s),"
                            + " peak heap %4d MiB%n",
                    alone,
                    validated,
                    validated - alone,
                    peakHeapMiB());
        }

        /** Best of three after a warm-up, each into a fresh folder; the last run's heap peak is kept. */
        private static double timed(io.kubeai.gitops.api.Generator generator, Path repo, boolean validate)
                throws IOException {
            var request = io.kubeai.gitops.api.GenerateRequest.builder(repo)
                    .outputDir(repo.resolve("in-process"))
                    .validate(validate)
                    .build();
            double best = Double.MAX_VALUE;
            for (int run = 0; run < 4; run++) {
                deleteTree(repo.resolve("in-process"));
                System.gc();
                ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
                long start = System.nanoTime();
                generator.generate(request);
                double seconds = (System.nanoTime() - start) / 1e9;
                if (run > 0) {
                    best = Math.min(best, seconds);
                }
            }
            return best;
        }

        private static long peakHeapMiB() {
            long peak = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    peak += pool.getPeakUsage().getUsed();
                }
            }
            return peak / (1024 * 1024);
        }
    }
}
