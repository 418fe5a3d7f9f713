package io.kubeai.gitops.adaptersync.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigFeedTest {

    private final List<DesiredAdapters> applied = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private final ConfigFeed feed = new ConfigFeed(applied::add, problems::add);

    private static DesiredAdapters config(String... names) {
        List<AdapterSpec> adapters = new ArrayList<>();
        for (String n : names) {
            adapters.add(new AdapterSpec(n, "hf://org/" + n, null));
        }
        return new DesiredAdapters("llama", adapters);
    }

    @Test
    void withoutTheApiServer_everyFileChangeApplies() {
        feed.fromFile(config("a"));
        feed.fromFile(config("a", "b"));

        assertThat(applied).containsExactly(config("a"), config("a", "b"));
        assertThat(feed.source()).isEqualTo(ConfigFeed.Source.FILE);
    }

    @Test
    void onceTheApiServerDelivers_fileChangesAreIgnored() {
        feed.fromFile(config("a"));
        feed.fromApi(config("a", "b"));
        feed.fromFile(config("a")); // the kubelet's copy, older than the API server's

        assertThat(applied).containsExactly(config("a"), config("a", "b"));
        assertThat(feed.source()).isEqualTo(ConfigFeed.Source.API);
    }

    @Test
    void theSameConfigFromTheOtherSource_isNotAppliedTwice() {
        feed.fromFile(config("a"));
        feed.fromApi(config("a"));

        assertThat(applied).containsExactly(config("a"));
    }

    @Test
    void afterTheWatchIsLost_theLastConfigStays_andTheNextFileChangeApplies() {
        feed.fromApi(config("a", "b"));
        feed.apiLost("connection refused");

        assertThat(applied).containsExactly(config("a", "b"));
        feed.fromFile(config("c"));
        assertThat(applied).containsExactly(config("a", "b"), config("c"));

        feed.fromApi(config("d"));
        feed.fromFile(config("e"));
        assertThat(applied).containsExactly(config("a", "b"), config("c"), config("d"));
    }

    @Test
    void problemsAreReportedForTheSourceInForceOnly() {
        feed.fileProblem("adapters.json: not found");
        feed.fromApi(config("a"));
        feed.apiProblem("ConfigMap: not valid JSON");
        feed.apiLost("gone");

        assertThat(problems)
                .containsExactly(
                        "adapters.json: not found", null, "ConfigMap: not valid JSON", "adapters.json: not found");
    }
}
