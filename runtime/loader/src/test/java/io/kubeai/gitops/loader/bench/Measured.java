package io.kubeai.gitops.loader.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One timed child process: its wall time, exit code and peak resident set (VmHWM from /proc). */
record Measured(String name, long bytes, Duration wall, int exit, long peakRssKib) {

    double mbPerSecond() {
        return bytes / (wall.toNanos() / 1e9) / 1e6;
    }

    /** Runs a command to completion, sampling its peak RSS every 20 ms. */
    static Measured run(String name, long bytes, List<String> command, Map<String, String> env, Path log)
            throws IOException, InterruptedException {
        ProcessBuilder pb =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(env);
        long start = System.nanoTime();
        Process p = pb.start();
        Path status = Path.of("/proc", Long.toString(p.pid()), "status");
        long peak = 0;
        while (!p.waitFor(20, TimeUnit.MILLISECONDS)) {
            peak = Math.max(peak, hwm(status));
        }
        Duration wall = Duration.ofNanos(System.nanoTime() - start);
        return new Measured(name, bytes, wall, p.exitValue(), peak);
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
