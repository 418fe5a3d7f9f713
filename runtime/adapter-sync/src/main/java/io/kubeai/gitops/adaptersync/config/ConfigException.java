package io.kubeai.gitops.adaptersync.config;

import java.util.List;

/** The config file could not be used; {@link #problems()} lists every reason found in one read. */
public final class ConfigException extends Exception {

    private final transient List<String> problems;

    public ConfigException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
