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
import io.kubeai.gitops.loader.location.BucketLocation;
import io.kubeai.gitops.loader.location.BucketLocation.Store;
import io.kubeai.gitops.loader.location.HfLocation;
import io.kubeai.gitops.loader.location.LocalLocation;
import io.kubeai.gitops.loader.location.Location;
import io.kubeai.gitops.loader.retry.Retrier;
import io.kubeai.gitops.loader.source.Source;
import io.kubeai.gitops.loader.source.gcs.GcsApi;
import io.kubeai.gitops.loader.source.gcs.GcsSource;
import io.kubeai.gitops.loader.source.hf.HfApi;
import io.kubeai.gitops.loader.source.hf.HfSource;
import io.kubeai.gitops.loader.source.local.LocalSource;
import io.kubeai.gitops.loader.source.s3.S3Access;
import io.kubeai.gitops.loader.source.s3.S3Settings;
import io.kubeai.gitops.loader.source.s3.S3Source;
import java.util.EnumMap;
import java.util.Map;

/** The clients one run talks through, made from the environment on first use. */
final class Peers implements AutoCloseable {
    private final LoaderEnv env;
    private final TransferOptions options;
    private final HttpTransport http;
    private final Retrier retrier;
    private final Map<Store, S3Access> s3 = new EnumMap<>(Store.class);
    private HfApi hf;
    private GcsApi gcs;

    Peers(LoaderEnv env, TransferOptions options, LoaderListener listener) {
        this.env = env;
        this.options = options;
        this.http = new HttpTransport(options.connectTimeout(), options.readTimeout());
        this.retrier = new Retrier(options.retry(), listener);
    }

    Retrier retrier() {
        return retrier;
    }

    /** The S3 API client for a bucket's store: S3, OSS, or Cloud Storage's XML API with HMAC keys. */
    private synchronized S3Access s3(Store store) throws LoaderException {
        S3Access access = s3.get(store);
        if (access == null) {
            access = S3Access.create(S3Settings.of(store, env), options, http, retrier);
            s3.put(store, access);
        }
        return access;
    }

    private synchronized GcsApi gcs() throws LoaderException {
        if (gcs == null) {
            gcs = new GcsApi(env, http, retrier);
        }
        return gcs;
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
        if (location instanceof BucketLocation b) {
            // gs:// reads through the JSON API with OAuth tokens unless HMAC keys are given.
            if (b.store() == Store.GCS && S3Settings.gcsHmac(env).isEmpty()) {
                return new GcsSource(url, b, gcs());
            }
            return new S3Source(url, b, s3(b.store()));
        }
        return new LocalSource(url, ((LocalLocation) location).dir());
    }

    Destination destination(Location location, boolean fsync) throws LoaderException {
        if (location instanceof BucketLocation b) {
            if (b.store() == Store.GCS && S3Settings.gcsHmac(env).isEmpty()) {
                throw new LoaderException(
                        Reason.INPUT,
                        "cannot load into " + b.display() + ": writing to gs:// goes through Cloud Storage's"
                                + " S3-compatible XML API and needs HMAC keys in GCS_HMAC_ACCESS_ID and GCS_HMAC_SECRET");
            }
            return new S3Prefix(s3(b.store()), b);
        }
        if (location instanceof LocalLocation l) {
            return new LocalDirectory(l.dir(), fsync);
        }
        throw new LoaderException(
                Reason.INPUT,
                "cannot load into " + location.display()
                        + ": the destination must be a directory or an s3://, gs:// or oss:// prefix (use publish to upload to the Hub)");
    }

    @Override
    public synchronized void close() {
        s3.values().forEach(S3Access::close);
        http.close();
    }
}
