package io.kubeai.gitops.loader.transfer;

import io.kubeai.gitops.loader.api.LoaderEnv;
import io.kubeai.gitops.loader.api.LoaderException;
import io.kubeai.gitops.loader.api.LoaderException.Reason;
import io.kubeai.gitops.loader.api.LoaderListener;
import io.kubeai.gitops.loader.api.TransferOptions;
import io.kubeai.gitops.loader.dest.Destination;
import io.kubeai.gitops.loader.dest.local.LocalDirectory;
import io.kubeai.gitops.loader.dest.s3.S3Prefix;
import io.kubeai.gitops.loader.http.HttpTransport;
import io.kubeai.gitops.loader.location.HfLocation;
import io.kubeai.gitops.loader.location.LocalLocation;
import io.kubeai.gitops.loader.location.Location;
import io.kubeai.gitops.loader.location.S3Location;
import io.kubeai.gitops.loader.retry.Retrier;
import io.kubeai.gitops.loader.source.Source;
import io.kubeai.gitops.loader.source.hf.HfApi;
import io.kubeai.gitops.loader.source.hf.HfSource;
import io.kubeai.gitops.loader.source.local.LocalSource;
import io.kubeai.gitops.loader.source.s3.S3Access;
import io.kubeai.gitops.loader.source.s3.S3Source;

/** The clients one run talks through, made from the environment on first use. */
final class Peers implements AutoCloseable {
    private final LoaderEnv env;
    private final TransferOptions options;
    private final HttpTransport http;
    private final Retrier retrier;
    private S3Access s3;
    private HfApi hf;

    Peers(LoaderEnv env, TransferOptions options, LoaderListener listener) {
        this.env = env;
        this.options = options;
        this.http = new HttpTransport(options.connectTimeout(), options.readTimeout());
        this.retrier = new Retrier(options.retry(), listener);
    }

    Retrier retrier() {
        return retrier;
    }

    synchronized S3Access s3() {
        if (s3 == null) {
            s3 = S3Access.create(env, options, http, retrier);
        }
        return s3;
    }

    synchronized HfApi hf() throws LoaderException {
        if (hf == null) {
            hf = new HfApi(env.hfEndpoint(), env.hfToken().orElse(null), http, retrier);
        }
        return hf;
    }

    Source source(Location location, String url) throws LoaderException {
        if (location instanceof HfLocation h) {
            return new HfSource(url, h, hf());
        }
        if (location instanceof S3Location s) {
            return new S3Source(url, s, s3());
        }
        return new LocalSource(url, ((LocalLocation) location).dir());
    }

    Destination destination(Location location, boolean fsync) throws LoaderException {
        if (location instanceof S3Location s) {
            return new S3Prefix(s3(), s);
        }
        if (location instanceof LocalLocation l) {
            return new LocalDirectory(l.dir(), fsync);
        }
        throw new LoaderException(
                Reason.INPUT,
                "cannot load into " + location.display()
                        + ": the destination must be a directory or an s3:// prefix (use publish to upload to the Hub)");
    }

    @Override
    public synchronized void close() {
        if (s3 != null) {
            s3.close();
        }
        http.close();
    }
}
