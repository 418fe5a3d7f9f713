package io.kubeai.gitops.loader.verify;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeai.gitops.loader.source.SourceFile;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class OrderedHasherTest {
    @Test
    void partsCompletingInAnyOrder_onManyThreads_hashLikeTheWholeFile() throws Exception {
        byte[] data = new byte[1_000_003];
        new Random(1).nextBytes(data);
        String expected =
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        int part = 10_000;
        List<long[]> parts = new ArrayList<>();
        for (long s = 0; s < data.length; s += part) {
            parts.add(new long[] {s, Math.min(data.length, s + part)});
        }
        Collections.shuffle(parts, new Random(2));
        OrderedHasher hasher =
                new OrderedHasher(new Digests(SourceFile.of("f", data.length).withSha256(expected)), data.length);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> futures = new ArrayList<>();
        for (long[] p : parts) {
            futures.add(pool.submit(() -> {
                // Half of each part as if it arrived at the hash position, the rest as a completed region.
                hasher.tryInline(p[0], java.nio.ByteBuffer.wrap(data, (int) p[0], (int) ((p[1] - p[0]) / 2)));
                hasher.offer(new OrderedHasher.Region() {
                    @Override
                    public long start() {
                        return p[0];
                    }

                    @Override
                    public long end() {
                        return p[1];
                    }

                    @Override
                    public void feed(Digests d, long from) {
                        d.update(data, (int) from, (int) (p[1] - from));
                    }
                });
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        Digests.Outcome outcome = hasher.finish();
        assertThat(outcome.sha256()).isEqualTo(expected);
        assertThat(outcome.ok()).isTrue();
    }

    @Test
    void mismatches_areReported() {
        byte[] data = {1, 2, 3};
        Digests d = new Digests(new SourceFile("f", 3, "00", null, null, null));
        d.update(data, 0, 3);
        assertThat(d.finish().problems()).singleElement().asString().contains("expected 00");
    }
}
