package io.kubeai.gitops.loader.publish;

import io.kubeai.gitops.loader.api.LoadRequest;
import io.kubeai.gitops.loader.api.LoadResult;
import io.kubeai.gitops.loader.api.LoaderException;
import io.kubeai.gitops.loader.api.LoaderException.Reason;
import io.kubeai.gitops.loader.api.PublishRequest;
import io.kubeai.gitops.loader.api.PublishResult;
import io.kubeai.gitops.loader.location.BucketLocation;
import io.kubeai.gitops.loader.location.HfLocation;
import io.kubeai.gitops.loader.location.Location;
import io.kubeai.gitops.loader.location.Locations;
import io.kubeai.gitops.loader.transfer.LoadRun;
import java.nio.file.Files;

/** Publishes a directory to S3 (as a load from the directory) or to the Hub. */
public final class PublishRun {
    private final PublishRequest request;

    public PublishRun(PublishRequest request) {
        this.request = request;
    }

    public PublishResult execute() throws LoaderException {
        if (!Files.isDirectory(request.directory())) {
            throw new LoaderException(Reason.INPUT, "cannot publish " + request.directory() + ": not a directory");
        }
        Location to = Locations.parse(request.destination());
        if (to instanceof BucketLocation) {
            LoadResult r = new LoadRun(LoadRequest.builder(
                                    request.directory()
                                            .toAbsolutePath()
                                            .normalize()
                                            .toString(),
                                    request.destination())
                            .includes(request.includes())
                            .excludes(request.excludes())
                            .defaultExcludes(false)
                            .options(request.options())
                            .listener(request.listener())
                            .env(request.env())
                            .build())
                    .execute();
            return new PublishResult(request.destination(), r.marker(), null, r.bytesTransferred(), r.elapsed());
        }
        if (to instanceof HfLocation hf) {
            return new HfPublisher(request, hf).execute();
        }
        throw new LoaderException(
                Reason.INPUT,
                "cannot publish to " + to.display()
                        + ": the destination must be an s3://, gs:// or oss:// prefix or an hf:// repository");
    }
}
