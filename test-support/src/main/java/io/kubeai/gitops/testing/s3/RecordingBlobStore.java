package io.kubeai.gitops.testing.s3;

import io.kubeai.gitops.testing.Glob;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.domain.Blob;
import org.jclouds.blobstore.domain.BlobMetadata;
import org.jclouds.blobstore.domain.MultipartPart;
import org.jclouds.blobstore.domain.MultipartUpload;
import org.jclouds.blobstore.options.GetOptions;
import org.jclouds.blobstore.options.PutOptions;
import org.jclouds.blobstore.util.ForwardingBlobStore;
import org.jclouds.http.HttpResponse;
import org.jclouds.http.HttpResponseException;
import org.jclouds.io.Payload;
import org.jclouds.io.payloads.InputStreamPayload;

/** Sits between s3proxy and its blob store: records object operations and injects faults. */
final class RecordingBlobStore extends ForwardingBlobStore {
    private record Active(S3Fault fault, Pattern key, AtomicInteger left) {}

    final List<S3Request> requests = new CopyOnWriteArrayList<>();
    private final List<Active> faults = new CopyOnWriteArrayList<>();

    RecordingBlobStore(BlobStore delegate) {
        super(delegate);
    }

    void addFault(S3Fault fault) {
        faults.add(new Active(
                fault,
                fault.keyGlob() == null ? null : Glob.compile(fault.keyGlob()),
                new AtomicInteger(fault.times())));
    }

    void clearFaults() {
        faults.clear();
    }

    @Override
    public Blob getBlob(String container, String name) {
        return getBlob(container, name, GetOptions.NONE);
    }

    @Override
    public Blob getBlob(String container, String name, GetOptions options) {
        long start = -1;
        long end = -1;
        if (options != null && !options.getRanges().isEmpty()) {
            String range = options.getRanges().get(0);
            int dash = range.indexOf('-');
            start = dash == 0 ? -1 : Long.parseLong(range.substring(0, dash));
            end = dash == range.length() - 1 ? -1 : Long.parseLong(range.substring(dash + 1));
        }
        requests.add(new S3Request("GET", container, name, start, end));
        S3Fault fault = take("GET", name);
        Blob blob = super.getBlob(container, name, options);
        if (fault != null && fault.kind() == S3Fault.Kind.RESET && blob != null) {
            InputStream cut;
            try {
                cut = new CuttingStream(blob.getPayload().openStream(), fault.afterBytes());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            Payload payload = new InputStreamPayload(cut);
            payload.setContentMetadata(blob.getPayload().getContentMetadata());
            blob.setPayload(payload);
        }
        return blob;
    }

    @Override
    public BlobMetadata blobMetadata(String container, String name) {
        requests.add(new S3Request("HEAD", container, name, -1, -1));
        take("HEAD", name);
        return super.blobMetadata(container, name);
    }

    @Override
    public String putBlob(String container, Blob blob) {
        return putBlob(container, blob, PutOptions.NONE);
    }

    @Override
    public String putBlob(String container, Blob blob, PutOptions options) {
        String key = blob.getMetadata().getName();
        requests.add(new S3Request("PUT", container, key, -1, -1));
        take("PUT", key);
        return super.putBlob(container, blob, options);
    }

    @Override
    public MultipartPart uploadMultipartPart(MultipartUpload mpu, int partNumber, Payload payload) {
        requests.add(new S3Request("UPLOAD_PART", mpu.containerName(), mpu.blobName(), -1, -1));
        take("UPLOAD_PART", mpu.blobName());
        return super.uploadMultipartPart(mpu, partNumber, payload);
    }

    @Override
    public String completeMultipartUpload(MultipartUpload mpu, List<MultipartPart> parts) {
        requests.add(new S3Request("COMPLETE", mpu.containerName(), mpu.blobName(), -1, -1));
        take("COMPLETE", mpu.blobName());
        return super.completeMultipartUpload(mpu, parts);
    }

    /** Uses up the first matching fault; a status fault is thrown here, a reset is returned. */
    private S3Fault take(String op, String key) {
        for (Active a : faults) {
            S3Fault f = a.fault();
            if ((f.operation() != null && !f.operation().equals(op))
                    || (a.key() != null && !a.key().matcher(key).matches())) {
                continue;
            }
            int left;
            do {
                left = a.left().get();
            } while (left > 0 && !a.left().compareAndSet(left, left - 1));
            if (left == 0) {
                continue;
            }
            if (f.kind() == S3Fault.Kind.STATUS) {
                throw new HttpResponseException(
                        "fault injected: HTTP " + f.status(),
                        null,
                        HttpResponse.builder()
                                .statusCode(f.status())
                                .message("fault injected")
                                .build());
            }
            return f;
        }
        return null;
    }

    /** Passes {@code limit} bytes, then fails, so s3proxy aborts the response mid-body. */
    private static final class CuttingStream extends FilterInputStream {
        private long left;

        CuttingStream(InputStream in, long limit) {
            super(in);
            this.left = limit;
        }

        @Override
        public int read() throws IOException {
            if (left <= 0) {
                throw new IOException("fault injected: connection reset");
            }
            left--;
            return super.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left <= 0) {
                throw new IOException("fault injected: connection reset");
            }
            int n = super.read(b, off, (int) Math.min(len, left));
            if (n > 0) {
                left -= n;
            }
            return n;
        }
    }
}
