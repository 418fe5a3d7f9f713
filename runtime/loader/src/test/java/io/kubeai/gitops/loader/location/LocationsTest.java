package io.kubeai.gitops.loader.location;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubeai.gitops.loader.api.LoaderException;
import io.kubeai.gitops.loader.location.BucketLocation.Store;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class LocationsTest {
    @Test
    void hfUrls_acceptKubeAiAndQueryRevisions() throws LoaderException {
        assertThat(Locations.parse("hf://meta-llama/Llama-3.1-8B"))
                .isEqualTo(new HfLocation("meta-llama/Llama-3.1-8B", "main", false));
        assertThat(Locations.parse("hf://org/repo@v1.0")).isEqualTo(new HfLocation("org/repo", "v1.0", true));
        assertThat(Locations.parse("hf://org/repo?revision=refs%2Fpr%2F1"))
                .isEqualTo(new HfLocation("org/repo", "refs/pr/1", true));
        assertThat(Locations.parse("hf://gpt2")).isEqualTo(new HfLocation("gpt2", "main", false));
        assertThat(((HfLocation) Locations.parse("hf://o/r@0123456789abcdef0123456789abcdef01234567")).isCommit())
                .isTrue();
    }

    @Test
    void bucketUrls_normaliseThePrefix_andKeepTheirStore() throws LoaderException {
        assertThat(Locations.parse("s3://bucket/models/llama"))
                .isEqualTo(new BucketLocation(Store.S3, "bucket", "models/llama/"));
        assertThat(Locations.parse("s3://bucket")).isEqualTo(new BucketLocation(Store.S3, "bucket", ""));
        assertThat(Locations.parse("s3://bucket/a/")).isEqualTo(new BucketLocation(Store.S3, "bucket", "a/"));
        assertThat(Locations.parse("gs://my_bucket.example.com/m"))
                .isEqualTo(new BucketLocation(Store.GCS, "my_bucket.example.com", "m/"));
        assertThat(Locations.parse("oss://models/qwen").display()).isEqualTo("oss://models/qwen/");
    }

    @Test
    void localPaths_becomeAbsolute() throws LoaderException {
        assertThat(Locations.parse("/models/x")).isEqualTo(new LocalLocation(Path.of("/models/x")));
        assertThat(Locations.parse("file:///models/x")).isEqualTo(new LocalLocation(Path.of("/models/x")));
    }

    @Test
    void badUrls_sayWhatIsWrong() {
        assertThatThrownBy(() -> Locations.parse("hf://org/repo/extra")).hasMessageContaining("expected hf://org/repo");
        assertThatThrownBy(() -> Locations.parse("hf://org/repo@a?revision=b"))
                .hasMessageContaining("give the revision once");
        assertThatThrownBy(() -> Locations.parse("s3://Bad_Bucket/x")).hasMessageContaining("not a valid bucket name");
        assertThatThrownBy(() -> Locations.parse("oss://Bad_Bucket/x")).hasMessageContaining("not a valid bucket name");
        assertThatThrownBy(() -> Locations.parse("gs://b/x")).hasMessageContaining("not a valid bucket name");
        assertThatThrownBy(() -> Locations.parse("azure://b/x")).hasMessageContaining("scheme is not supported");
        assertThatThrownBy(() -> Locations.parse(" ")).hasMessageContaining("empty");
    }
}
