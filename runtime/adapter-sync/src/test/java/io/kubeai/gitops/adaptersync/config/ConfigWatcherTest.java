package io.kubeai.gitops.adaptersync.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeai.gitops.adaptersync.testing.Await;
import io.kubeai.gitops.adaptersync.testing.ConfigMapDir;
import io.kubeai.gitops.adaptersync.testing.ConfigMapDir.Adapter;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigWatcherTest {

    @TempDir
    Path tmp;

    private final List<DesiredAdapters> configs = new CopyOnWriteArrayList<>();
    private final List<String> problems = new CopyOnWriteArrayList<>();
    private ConfigWatcher watcher;

    private ConfigWatcher watch(Path file, Duration poll) throws IOException {
        watcher = new ConfigWatcher(file, poll, Duration.ofMillis(50), configs::add, problems::add);
        watcher.start();
        return watcher;
    }

    @AfterEach
    void close() {
        if (watcher != null) {
            watcher.close();
        }
    }

    private static DesiredAdapters last(List<DesiredAdapters> list) {
        return list.isEmpty() ? null : list.get(list.size() - 1);
    }

    @Test
    void kubeletSymlinkSwap_isSeenThroughTheDirectoryWatch() throws IOException {
        ConfigMapDir dir = new ConfigMapDir(tmp.resolve("cm"));
        dir.publish("m", List.of(Adapter.of("a", "/a")));
        // A poll period far beyond the test's patience: only the directory watch can see the swap in time.
        watch(dir.file(), Duration.ofMinutes(5));
        Await.until("the first config", () -> configs.size() == 1);

        dir.publish("m", List.of(Adapter.of("a", "/a"), Adapter.of("b", "/b")));

        Await.until("the swapped config", () -> configs.size() == 2);
        assertThat(last(configs).adapters()).extracting(AdapterSpec::name).containsExactly("a", "b");
    }

    @Test
    void polling_catchesChangesWithoutEvents() throws IOException {
        ConfigMapDir dir = new ConfigMapDir(tmp.resolve("cm"));
        dir.publish("m", List.of());
        watch(dir.file(), Duration.ofMillis(100));
        Await.until("the first config", () -> configs.size() == 1);

        dir.publish("m", List.of(Adapter.of("x", "/x")));

        Await.until("the new config", () -> last(configs).adapters().size() == 1);
    }

    @Test
    void burstOfEdits_isAppliedInItsLastState() throws IOException {
        ConfigMapDir dir = new ConfigMapDir(tmp.resolve("cm"));
        dir.publish("m", List.of());
        watch(dir.file(), Duration.ofMillis(100));
        Await.until("the first config", () -> configs.size() == 1);

        for (int i = 0; i < 50; i++) {
            dir.publish("m", List.of(Adapter.of("v" + i, "/v" + i)));
        }

        Await.until(
                "the last edit",
                () -> !last(configs).adapters().isEmpty()
                        && last(configs).adapters().get(0).name().equals("v49"));
        assertThat(configs.size()).isLessThan(50);
    }

    @Test
    void halfWrittenFile_isReported_andTheLastGoodConfigStays() throws IOException {
        ConfigMapDir dir = new ConfigMapDir(tmp.resolve("cm"));
        dir.publish("m", List.of(Adapter.of("a", "/a")));
        watch(dir.file(), Duration.ofMillis(100));
        Await.until("the first config", () -> configs.size() == 1);

        dir.overwriteInPlace("{\"model\":\"m\",\"adapters\":[{\"na");

        Await.until("a problem report", () -> !problems.isEmpty());
        assertThat(problems.get(0)).contains("not valid JSON").contains("keeping the last good config");
        assertThat(configs).hasSize(1);

        dir.overwriteInPlace(ConfigMapDir.render("m", List.of(Adapter.of("b", "/b"))));
        Await.until("the repaired config", () -> configs.size() == 2);
        assertThat(problems).endsWith((String) null);
    }

    @Test
    void fileComingBackUnchanged_clearsTheProblem() throws IOException {
        ConfigMapDir dir = new ConfigMapDir(tmp.resolve("cm"));
        String content = ConfigMapDir.render("m", List.of(Adapter.of("a", "/a")));
        dir.publish(content);
        watch(dir.file(), Duration.ofMillis(100));
        Await.until("the first config", () -> configs.size() == 1);
        Path data = dir.file().resolveSibling("..data");
        Path target = data.resolveSibling(java.nio.file.Files.readSymbolicLink(data));
        java.nio.file.Files.move(target, target.resolveSibling("..moved"));

        Await.until("a problem report", () -> !problems.isEmpty());
        assertThat(problems.get(0)).contains("not found").contains("keeping the last good config");
        java.nio.file.Files.move(target.resolveSibling("..moved"), target);

        Await.until("the problem to clear", () -> problems.size() == 2);
        assertThat(problems.get(1)).isNull();
        assertThat(configs).hasSize(1);
    }

    @Test
    void missingFile_isReported_thenPickedUpWhenItAppears() throws IOException {
        ConfigMapDir dir = new ConfigMapDir(tmp.resolve("cm"));
        watch(dir.file(), Duration.ofMillis(100));
        Await.until("a problem report", () -> !problems.isEmpty());
        assertThat(problems.get(0)).contains("not found");

        dir.publish("m", List.of());

        Await.until("the config", () -> configs.size() == 1);
    }
}
