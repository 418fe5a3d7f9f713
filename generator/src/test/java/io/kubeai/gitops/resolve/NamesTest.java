package io.kubeai.gitops.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeai.gitops.spec.SourceUrl;
import org.junit.jupiter.api.Test;

class NamesTest {
    private static SourceUrl url(String s) {
        return SourceUrl.parse(s).url().orElseThrow();
    }

    @Test
    void cacheKey_dependsOnTheSourceOnly_andChangesWithUrlOrRevision() {
        String key = Names.cacheKey(url("hf://meta-llama/Meta-Llama-3.1-8B-Instruct"));
        assertThat(key).startsWith("meta-llama-3-1-8b-instruct-").hasSize("meta-llama-3-1-8b-instruct-".length() + 8);
        assertThat(Names.cacheKey(url("hf://meta-llama/Meta-Llama-3.1-8B-Instruct")))
                .isEqualTo(key);
        assertThat(Names.cacheKey(url("hf://meta-llama/Meta-Llama-3.1-8B-Instruct@main")))
                .isNotEqualTo(key);
        assertThat(Names.cacheKey(url("s3://bucket/models/x/"))).isEqualTo(Names.cacheKey(url("s3://bucket/models/x")));
    }

    @Test
    void loaderJobNames_areValidDnsLabels_evenForLongSources() {
        String key = Names.cacheKey(url("hf://org/" + "a-very-long-repository-name-".repeat(5) + "end"));
        String job = Names.loaderJob(key, "inputs");
        assertThat(job).hasSizeLessThanOrEqualTo(63).matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    }

    @Test
    void modelObject_turnsDotsIntoDashes() {
        assertThat(Names.modelObject("llama-3.1-8b-instruct-fp8-l4")).isEqualTo("llama-3-1-8b-instruct-fp8-l4");
    }

    @Test
    void modelObject_startsWithALetter_whenTheNameStartsWithADigit() {
        assertThat(Names.modelObject("3b-chat")).isEqualTo("m-3b-chat");
        assertThat(Names.modelObject("1.5")).isEqualTo("m-1-5");
    }

    @Test
    void modelObject_keepsANameThatIsAlreadyALabel() {
        assertThat(Names.modelObject("qwen2-500m-cpu")).isEqualTo("qwen2-500m-cpu");
    }

    @Test
    void modelObject_ofTheLongestDigitFirstName_leavesRoomForEverySuffix() {
        String name = "1" + "a.".repeat(19) + "b"; // 40 characters, dots and a leading digit
        assertThat(name).hasSize(Names.MODEL_NAME_MAX);
        String staticVolumeFillClaim = Names.modelObject(name) + "-cache-" + Names.hash("x", 8) + "-rwo";
        assertThat(staticVolumeFillClaim).hasSizeLessThanOrEqualTo(63).matches("[a-z]([-a-z0-9]*[a-z0-9])?");
    }
}
