package io.kubeai.gitops.spec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The capability table answers for the images KubeAI names and for images it has never seen. */
class EngineImagesTest {
    private final EngineImages table = EngineImages.builtIn();

    @Test
    void versions_compareAsNumbers_notAsText() {
        assertThat(Version.parse("0.6.10").orElseThrow())
                .isGreaterThan(Version.parse("0.6.9").orElseThrow());
        assertThat(Version.parse("v0.10.1.1").orElseThrow())
                .isGreaterThan(Version.parse("0.6.6").orElseThrow());
        assertThat(Version.parse("v0.6.3.post1-cpu").orElseThrow()).hasToString("0.6.3");
        assertThat(Version.parse("nightly_main_20250120")).isEmpty();
        assertThat(Version.parse("0.6")).contains(new Version(java.util.List.of(0, 6)));
    }

    @Test
    void kubeaiCpuImage_predatesTheStreamerAndLora() {
        EngineImage image = table.of(Engine.VLLM, "substratusai/vllm:v0.6.3.post1-cpu");
        assertThat(image.platform()).isEqualTo(EngineImage.Platform.CPU);
        assertThat(image.features()).isEqualTo(new EngineImage.Features(false, false, false));
        assertThat(image.describe()).isEqualTo("substratusai/vllm:v0.6.3.post1-cpu (VLLM 0.6.3, cpu)");
    }

    @Test
    void vllmCudaImage_streamsFromS3_andLoadsAdaptersAtRunTime() {
        EngineImage image = table.of(Engine.VLLM, "vllm/vllm-openai:v0.10.1.1");
        assertThat(image.features()).isEqualTo(new EngineImage.Features(true, true, true));
        assertThat(image.baseline()).isEmpty();
    }

    @Test
    void cudaImageBeforeTheStreamer_servesAdapters_butCopiesTheModelIntoThePod() {
        EngineImage image = table.of(Engine.VLLM, "drikster80/vllm-gh200-openai:v0.6.4.post1");
        assertThat(image.features()).isEqualTo(new EngineImage.Features(false, true, true));
    }

    @Test
    void rocmImage_needsBaseline_andSaysWhy() {
        EngineImage image = table.of(Engine.VLLM, "substratusai/vllm-rocm:nightly_main_20250120");
        assertThat(image.platform()).isEqualTo(EngineImage.Platform.ROCM);
        assertThat(image.features().streamsFromS3()).isFalse();
        assertThat(image.baseline()).hasValueSatisfying(r -> assertThat(r).contains("/dev/kfd", "root"));
    }

    @Test
    void unknownImage_isReadFromItsTag_andAnImageWithoutVersionIsTakenAsTheNewest() {
        assertThat(table.of(Engine.VLLM, "example.com/vllm-tpu:v0.6.2").features())
                .isEqualTo(EngineImage.Features.NONE);
        assertThat(table.of(Engine.VLLM, "example.com/my-vllm-cpu:v0.12.0").features())
                .isEqualTo(new EngineImage.Features(false, true, true));
        assertThat(table.of(Engine.VLLM, "vllm/vllm-openai:latest@sha256:0123abcd")
                        .features())
                .isEqualTo(new EngineImage.Features(true, true, true));
        assertThat(table.of(Engine.VLLM, "vllm/vllm-openai:v0.6.5").features().streamsFromS3())
                .isFalse();
    }

    @Test
    void otherEngines_haveNoneOfVllmsFeatures() {
        assertThat(table.of(Engine.INFINITY, "michaelf34/infinity:0.0.77").features())
                .isEqualTo(EngineImage.Features.NONE);
    }
}
