package io.kubeai.gitops.loader;

import io.kubeai.gitops.loader.api.LoaderListener;
import io.kubeai.gitops.loader.api.Progress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A listener that keeps everything it hears, for assertions. */
public final class Events implements LoaderListener {
    public final List<String> infos = new CopyOnWriteArrayList<>();
    public final List<String> warnings = new CopyOnWriteArrayList<>();
    public final List<Progress> progress = new CopyOnWriteArrayList<>();

    @Override
    public void progress(Progress p) {
        progress.add(p);
    }

    @Override
    public void info(String message) {
        infos.add(message);
    }

    @Override
    public void warn(String message) {
        warnings.add(message);
    }

    public String all() {
        return String.join("\n", infos) + "\n" + String.join("\n", warnings);
    }
}
