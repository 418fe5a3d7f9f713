package io.kubeai.gitops.loader.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One timed child process: its wall time, exit code, CPU time (user + system, its children included)
 * and peak resident set. With {@code /usr/bin/time} (Debian's {@code time} package) the CPU and the
 * peak come from the kernel's accounting of the process tree; without it the peak is sampled from
 * /proc every 20 ms and the CPU is unknown (NaN).
 */
record Measured(String name, long bytes, Duration wall, int exit, long peakRssKib, double cpuSeconds) {
    private static final Path TIME = Path.of("/usr/bin/time");

    double mbPerSecond() {
        return bytes / (wall.toNanos() / 1e9) / 1e6;
    }

    /** CPU seconds (user + system) per GiB moved. */
    double cpuPerGib() {
        return cpuSeconds / (bytes / (double) (1L << 30));
    }

    static Measured run(String name, long bytes, List<String> command, Map<String, String> env, Path log)
            throws IOException, InterruptedException {
        Path times = log.resolveSibling("last.time");
        List<String> full = new ArrayList<>();
        boolean timed = Files.isExecutable(TIME);
        if (timed) {
            Files.deleteIfExists(times);
            full.addAll(List.of(TIME.toString(), "-f", "%U %S %M", "-o", times.toString()));
        }
        full.addAll(command);
        ProcessBuilder pb = new ProcessBuilder(full).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(env);
        long start = System.nanoTime();
        Process p = pb.start();
        Path status = Path.of("/proc", Long.toString(p.pid()), "status");
        long peak = 0;
        while (!p.waitFor(20, TimeUnit.MILLISECONDS)) {
            if (!timed) {
                peak = Math.max(peak, hwm(status));
            }
        }
        Duration wall = Duration.ofNanos(System.nanoTime() - start);
        double cpu = Double.NaN;
        if (timed && Files.exists(times)) {
            List<String> lines = Files.readAllLines(times);
            // The last line: a failing command adds "Command exited with non-zero status" before it.
            String[] f = lines.get(lines.size() - 1).trim().split("\\s+");
            cpu = Double.parseDouble(f[0]) + Double.parseDouble(f[1]);
            peak = Long.parseLong(f[2]);
        }
        return new Measured(name, bytes, wall, p.exitValue(), peak, cpu);
    }

    private static long hwm(Path status) {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            // The process has just exited.
        }
        return 0;
    }
}
