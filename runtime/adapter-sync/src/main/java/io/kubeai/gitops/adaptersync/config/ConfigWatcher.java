package io.kubeai.gitops.adaptersync.config;

import io.kubeai.gitops.adaptersync.log.Log;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Follows the config file. The kubelet replaces a ConfigMap's files by re-pointing a {@code ..data} symlink
 * in the mount directory, so the directory is watched rather than the file; and since such events are not
 * always delivered, the file is also re-read every poll period. A change is acted on only once the file has
 * kept the same bytes for one debounce interval, so a burst of edits is applied once, in its last state. A
 * file that does not parse is reported and the last good config stays in force.
 */
public final class ConfigWatcher implements AutoCloseable {

    private static final int MAX_SETTLE_ROUNDS = 20;

    private final Path file;
    private final Duration pollPeriod;
    private final Duration debounce;
    private final Consumer<DesiredAdapters> onConfig;
    private final Consumer<String> onProblem;
    private final Thread thread;
    private volatile boolean closed;
    private WatchService watchService;
    private WatchKey watchKey;
    private byte[] lastSeen;
    private boolean lastSeenGood;
    private DesiredAdapters lastGood;
    private String lastProblem;

    /**
     * @param onConfig  called with each new good config (on the watcher's thread)
     * @param onProblem called once per distinct problem (the last good config stays in force), and with
     *                  {@code null} once the file is good again
     */
    public ConfigWatcher(
            Path file,
            Duration pollPeriod,
            Duration debounce,
            Consumer<DesiredAdapters> onConfig,
            Consumer<String> onProblem) {
        this.file = file.toAbsolutePath();
        this.pollPeriod = pollPeriod;
        this.debounce = debounce;
        this.onConfig = Objects.requireNonNull(onConfig);
        this.onProblem = Objects.requireNonNull(onProblem);
        this.thread = new Thread(this::run, "adapter-sync-config");
        this.thread.setDaemon(true);
    }

    public void start() throws IOException {
        watchService = FileSystems.getDefault().newWatchService();
        thread.start();
    }

    private void run() {
        try {
            while (!closed) {
                register();
                check();
                WatchKey key = watchService.poll(pollPeriod.toMillis(), TimeUnit.MILLISECONDS);
                drain(key);
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closing
        } catch (RuntimeException e) {
            Log.error("config watcher stopped", "error", e.toString());
        }
    }

    private void check() throws InterruptedException {
        byte[] bytes = read();
        if (bytes == null) {
            return;
        }
        if (Arrays.equals(bytes, lastSeen)) {
            if (lastSeenGood) {
                clearProblem(); // e.g. the file was missing for a while and came back unchanged
            }
            return;
        }
        for (int round = 0; round < MAX_SETTLE_ROUNDS; round++) {
            Thread.sleep(Math.max(1, debounce.toMillis()));
            drain(watchService.poll());
            byte[] again = read();
            if (again == null || Arrays.equals(again, bytes)) {
                break;
            }
            bytes = again;
        }
        lastSeen = bytes;
        try {
            DesiredAdapters config = ConfigReader.parse(bytes);
            lastSeenGood = true;
            clearProblem();
            if (!config.equals(lastGood)) {
                lastGood = config;
                onConfig.accept(config);
            }
        } catch (ConfigException e) {
            lastSeenGood = false;
            problem(file + ": " + e.getMessage() + (lastGood == null ? "" : " (keeping the last good config)"));
        }
    }

    private byte[] read() {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            problem(file + ": not found" + (lastGood == null ? "" : " (keeping the last good config)"));
        } catch (IOException e) {
            problem(file + ": cannot read: " + e);
        }
        return null;
    }

    private void problem(String message) {
        if (!message.equals(lastProblem)) {
            lastProblem = message;
            onProblem.accept(message);
        }
    }

    private void clearProblem() {
        if (lastProblem != null) {
            lastProblem = null;
            onProblem.accept(null);
        }
    }

    private void register() {
        if (watchKey != null && watchKey.isValid()) {
            return;
        }
        Path dir = file.getParent();
        try {
            if (dir != null && Files.isDirectory(dir)) {
                watchKey = dir.register(
                        watchService,
                        StandardWatchEventKinds.ENTRY_CREATE,
                        StandardWatchEventKinds.ENTRY_MODIFY,
                        StandardWatchEventKinds.ENTRY_DELETE);
            }
        } catch (IOException e) {
            watchKey = null; // polling still covers it
        }
    }

    private void drain(WatchKey key) {
        if (key != null) {
            key.pollEvents();
            key.reset();
        }
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        try {
            if (watchService != null) {
                watchService.close();
            }
            thread.join(5_000);
        } catch (IOException e) {
            // nothing left to release
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
