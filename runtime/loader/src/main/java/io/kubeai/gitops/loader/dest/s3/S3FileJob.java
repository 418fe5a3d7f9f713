package io.kubeai.gitops.loader.dest.s3;

import io.kubeai.gitops.loader.api.FileEntry;
import io.kubeai.gitops.loader.api.LoaderException;
import io.kubeai.gitops.loader.api.LoaderException.Reason;
import io.kubeai.gitops.loader.dest.Buffer;
import io.kubeai.gitops.loader.dest.FileJob;
import io.kubeai.gitops.loader.dest.Part;
import io.kubeai.gitops.loader.dest.PartSink;
import io.kubeai.gitops.loader.http.Body;
import io.kubeai.gitops.loader.http.HttpResponse;
import io.kubeai.gitops.loader.source.SourceFile;
import io.kubeai.gitops.loader.source.s3.S3Access;
import io.kubeai.gitops.loader.verify.Digests;
import io.kubeai.gitops.loader.verify.OrderedHasher;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/**
 * A file on its way to S3. One part: hashed, then sent with a single PUT. More: each part is sent
 * with UploadPart as soon as it arrives and hashed in order; the upload is completed only when the
 * whole file's digests match, and aborted otherwise.
 */
final class S3FileJob implements FileJob {
    private final S3Prefix prefix;
    private final S3Access s3;
    private final SourceFile file;
    private final String key;
    private final List<Part> parts;
    private final OrderedHasher hasher;
    private final List<CompletedPart> completed = new ArrayList<>();
    private String uploadId;
    private Buffer single;

    S3FileJob(S3Prefix prefix, SourceFile file, String key, long partSize) {
        this.prefix = prefix;
        this.s3 = prefix.s3();
        this.file = file;
        this.key = key;
        this.parts = Part.split(file.size(), partSize);
        this.hasher = new OrderedHasher(new Digests(file), file.size());
    }

    @Override
    public SourceFile file() {
        return file;
    }

    @Override
    public boolean complete() {
        return false;
    }

    @Override
    public FileEntry entry() {
        throw new IllegalStateException("not complete");
    }

    @Override
    public long bytesDone() {
        return 0;
    }

    @Override
    public List<Part> pendingParts() {
        return parts;
    }

    @Override
    public long bufferBytes(Part part) {
        return part.length();
    }

    @Override
    public PartSink open(Part part, Buffer buffer) {
        return new Sink(buffer, part);
    }

    @Override
    public void partDone(Part part, PartSink sink) throws LoaderException {
        Sink s = (Sink) sink;
        if (parts.size() == 1) {
            single = s.buffer;
            offer(part, s, false);
            return;
        }
        String id = uploadId();
        int number = part.index() + 1;
        String etag = s3.retrier()
                .call(
                        "uploading part " + number + " of " + describe(),
                        attempt -> {
                            try (HttpResponse r = s3.http()
                                    .send(
                                            "PUT",
                                            s3.presignUploadPart(bucket(), key, id, number),
                                            Map.of(),
                                            Body.of(s.buffer.array(), 0, (int) part.length()))) {
                                return r.header("ETag");
                            }
                        },
                        s3.mapper());
        synchronized (this) {
            completed.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
        }
        offer(part, s, true);
    }

    private void offer(Part part, Sink s, boolean releaseWhenHashed) throws LoaderException {
        try {
            hasher.offer(new OrderedHasher.Region() {
                @Override
                public long start() {
                    return part.start();
                }

                @Override
                public long end() {
                    return part.end();
                }

                @Override
                public void feed(Digests digests, long from) {
                    int offset = (int) (from - part.start());
                    digests.update(s.buffer.array(), offset, (int) part.length() - offset);
                }

                @Override
                public void release() {
                    if (releaseWhenHashed) {
                        s.buffer.release();
                    }
                }
            });
        } catch (IOException e) {
            throw new LoaderException(Reason.IO, "cannot hash " + describe() + ": " + e.getMessage(), e);
        }
    }

    private synchronized String uploadId() throws LoaderException {
        if (uploadId == null) {
            Map<String, String> meta = metadata(file.sha256());
            uploadId = s3.call(
                    "starting the upload of " + describe(),
                    () -> s3.client()
                            .createMultipartUpload(
                                    b -> b.bucket(bucket()).key(key).metadata(meta))
                            .uploadId());
        }
        return uploadId;
    }

    @Override
    public FileEntry finish() throws LoaderException {
        Digests.Outcome outcome;
        try {
            outcome = hasher.finish();
        } catch (IOException e) {
            abandon();
            throw new LoaderException(Reason.IO, "cannot hash " + describe() + ": " + e.getMessage(), e);
        }
        if (!outcome.ok()) {
            abandon();
            throw new LoaderException(Reason.VERIFICATION, file.path() + ": " + String.join("; ", outcome.problems()));
        }
        try {
            if (parts.size() <= 1) {
                putSingle(outcome.sha256());
            } else {
                completeUpload();
            }
        } finally {
            if (single != null) {
                single.release();
            }
        }
        return new FileEntry(file.path(), file.size(), outcome.sha256(), outcome.crc32c());
    }

    private void putSingle(String sha256) throws LoaderException {
        byte[] bytes = single == null ? new byte[0] : single.array();
        var put = s3.presignPut(bucket(), key, metadata(sha256));
        s3.retrier()
                .call(
                        "uploading " + describe(),
                        attempt -> {
                            Map<String, String> headers = new HashMap<>(put.headers());
                            try (HttpResponse r =
                                    s3.http().send("PUT", put.uri(), headers, Body.of(bytes, 0, (int) file.size()))) {
                                r.bytes();
                                return null;
                            }
                        },
                        s3.mapper());
    }

    private void completeUpload() throws LoaderException {
        List<CompletedPart> sorted;
        synchronized (this) {
            sorted = completed.stream()
                    .sorted(Comparator.comparing(CompletedPart::partNumber))
                    .toList();
        }
        String id = uploadId;
        s3.call(
                "completing the upload of " + describe(),
                () -> s3.client()
                        .completeMultipartUpload(
                                b -> b.bucket(bucket()).key(key).uploadId(id).multipartUpload(m -> m.parts(sorted))));
        long size = s3.call(
                        "checking " + describe(),
                        () -> s3.client().headObject(b -> b.bucket(bucket()).key(key)))
                .contentLength();
        if (size != file.size()) {
            throw new LoaderException(
                    Reason.VERIFICATION,
                    describe() + ": the completed object has " + size + " bytes, expected " + file.size());
        }
    }

    private Map<String, String> metadata(String sha256) {
        Map<String, String> meta = new HashMap<>();
        meta.put(S3Prefix.META_IDENTITY, file.identity());
        if (sha256 != null) {
            meta.put(S3Prefix.META_SHA256, sha256);
        }
        return meta;
    }

    @Override
    public void abandon() {
        hasher.abandon();
        if (single != null) {
            single.release();
        }
        String id;
        synchronized (this) {
            id = uploadId;
            uploadId = null;
        }
        if (id != null) {
            try {
                s3.client()
                        .abortMultipartUpload(b -> b.bucket(bucket()).key(key).uploadId(id));
            } catch (RuntimeException e) {
                // The next run aborts uploads left under the prefix.
            }
        }
    }

    private String bucket() {
        return prefix.location().bucket();
    }

    private String describe() {
        return s3.url(bucket(), key);
    }

    /** Reads a part straight into its pooled buffer. */
    private static final class Sink implements PartSink {
        private final Buffer buffer;
        private final Part part;
        private int received;

        Sink(Buffer buffer, Part part) {
            this.buffer = buffer;
            this.part = part;
        }

        @Override
        public long received() {
            return received;
        }

        @Override
        public void receive(ReadableByteChannel in, LongConsumer progress, BooleanSupplier cancelled)
                throws IOException {
            byte[] a = buffer.array();
            int length = (int) part.length();
            // Reads of at most 256 KiB: a channel reading into the heap goes through a temporary direct
            // buffer as large as the read, which would otherwise be a whole part per thread.
            for (int n;
                    received < length
                            && (n = in.read(ByteBuffer.wrap(a, received, Math.min(256 << 10, length - received))))
                                    >= 0; ) {
                if (cancelled.getAsBoolean()) {
                    throw new CancellationException();
                }
                received += n;
                progress.accept(n);
            }
            if (in.read(ByteBuffer.allocate(1)) >= 0) {
                throw new IOException("the source sent more than " + length + " bytes for a part");
            }
        }
    }
}
