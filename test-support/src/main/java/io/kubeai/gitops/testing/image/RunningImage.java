package io.kubeai.gitops.testing.image;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * An image's entrypoint left running (a server), started by {@link ImageTarball.Unpacked#start}. Its output
 * is collected as it comes, so a test can wait for a line and show everything when it fails.
 */
public final class RunningImage implements AutoCloseable {

    private final Process process;
    private final StringBuffer output = new StringBuffer();
    private final Thread reader;

    RunningImage(Process process) {
        this.process = process;
        this.reader = new Thread(this::collect, "image-output");
        reader.setDaemon(true);
        reader.start();
    }

    private void collect() {
        byte[] buffer = new byte[8192];
        try (InputStream in = process.getInputStream()) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                output.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            // The stream closes when the process is stopped: what it printed until then is kept.
        }
    }

    /** Everything printed so far (standard output and errors). */
    public String output() {
        return output.toString();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Waits until the output contains {@code text}; false if the process ended or the time ran out first. */
    public boolean awaitOutput(String text, long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (!output().contains(text)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                reader.join(1000);
                return output().contains(text);
            }
            Thread.sleep(50);
        }
        return true;
    }

    /** Stops it as Kubernetes does: SIGTERM, then SIGKILL if it has not ended within ten seconds. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
            reader.join(1000);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** The exit code once it ended (after {@link #close}, the signal's). */
    public int exitCode() {
        return process.exitValue();
    }
}
