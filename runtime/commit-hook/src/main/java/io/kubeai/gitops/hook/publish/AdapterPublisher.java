package io.kubeai.gitops.hook.publish;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;

/** Uploads a finished job's adapter folder to its storage URL, before the commit points at it. */
@FunctionalInterface
public interface AdapterPublisher {

    /**
     * Publishes every file under {@code dir} to {@code url} and returns once the upload is verified.
     *
     * @param summary a one-line description, used as the commit message where the store has commits (the Hub)
     * @param log     receives progress lines
     * @throws PublishException when the user must fix something (credentials, bucket, URL)
     * @throws IOException      on I/O and network failures that outlasted the retries
     */
    void publish(Path dir, String url, String summary, Consumer<String> log) throws PublishException, IOException;
}
