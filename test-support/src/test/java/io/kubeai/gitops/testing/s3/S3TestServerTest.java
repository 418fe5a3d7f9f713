package io.kubeai.gitops.testing.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

class S3TestServerTest {
    @Test
    void putGetList_andRangedGetsAreRecorded() {
        try (S3TestServer s3 = S3TestServer.start()) {
            s3.createBucket("models").putObject("models", "m/a.txt", "hello".getBytes(StandardCharsets.UTF_8));
            assertThat(s3.endpoint().getHost()).isEqualTo("127.0.0.1");
            assertThat(s3.listKeys("models", "m/")).containsExactly("m/a.txt");
            assertThat(s3.exists("models", "m/b.txt")).isFalse();
            ResponseBytes<GetObjectResponse> part = s3.client()
                    .getObjectAsBytes(b -> b.bucket("models").key("m/a.txt").range("bytes=1-3"));
            assertThat(part.asUtf8String()).isEqualTo("ell");
            assertThat(s3.requests()).anySatisfy(r -> {
                assertThat(r.operation()).isEqualTo("GET");
                assertThat(r.rangeStart()).isEqualTo(1);
                assertThat(r.rangeEnd()).isEqualTo(3);
            });
            assertThat(s3.environment())
                    .containsEntry("AWS_S3_FORCE_PATH_STYLE", "true")
                    .containsEntry("AWS_ENDPOINT_URL", s3.endpoint().toString());
        }
    }

    @Test
    void statusFaults_failMatchingOperationsUntilCleared() {
        try (S3TestServer s3 = S3TestServer.start()) {
            s3.createBucket("models").putObject("models", "a", new byte[] {1});
            s3.addFault(S3Fault.status(503).on("GET").onKey("a").always());
            assertThatThrownBy(() -> s3.getObject("models", "a"))
                    .isInstanceOf(S3Exception.class)
                    .satisfies(e -> assertThat(((S3Exception) e).statusCode()).isEqualTo(503));
            s3.clearFaults();
            assertThat(s3.getObject("models", "a")).containsExactly(1);
        }
    }
}
