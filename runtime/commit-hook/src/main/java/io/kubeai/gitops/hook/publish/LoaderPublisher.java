package io.kubeai.gitops.hook.publish;

import io.kubeai.gitops.loader.Loader;
import io.kubeai.gitops.loader.api.LoaderEnv;
import io.kubeai.gitops.loader.api.LoaderException;
import io.kubeai.gitops.loader.api.LoaderListener;
import io.kubeai.gitops.loader.api.PublishRequest;
import io.kubeai.gitops.loader.api.PublishResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Publishes with the loader library: {@code s3://} and {@code hf://}, verified, with the
 * {@code .kubeai/complete.json} marker written last. Endpoints and credentials come from the loader's
 * environment variables ({@code AWS_*}, {@code HF_TOKEN}).
 */
public final class LoaderPublisher implements AdapterPublisher {

    private final LoaderEnv env;

    public LoaderPublisher(LoaderEnv env) {
        this.env = env;
    }

    @Override
    public void publish(Path dir, String url, String summary, Consumer<String> log)
            throws PublishException, IOException {
        PublishRequest request = PublishRequest.builder(dir, url)
                .commitMessage(summary)
                .env(env)
                .listener(new LoaderListener() {
                    @Override
                    public void info(String message) {
                        log.accept(message);
                    }

                    @Override
                    public void warn(String message) {
                        log.accept("warning: " + message);
                    }
                })
                .build();
        try {
            PublishResult result = new Loader(env).publish(request);
            log.accept("published " + result.bytesUploaded() + " bytes to " + result.destination()
                    + (result.commit() != null ? " (commit " + result.commit() + ")" : ""));
        } catch (LoaderException e) {
            switch (e.reason()) {
                case INPUT, AUTH, VERIFICATION -> throw new PublishException(e.getMessage(), e);
                default -> throw new IOException(e.getMessage(), e);
            }
        }
    }
}
