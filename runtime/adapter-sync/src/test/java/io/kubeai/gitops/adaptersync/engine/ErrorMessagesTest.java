package io.kubeai.gitops.adaptersync.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ErrorMessagesTest {

    @Test
    void everyBodyShapeVllmSends_givesItsMessage() {
        assertThat(
                        ErrorMessages.extract(
                                "{\"object\":\"error\",\"message\":\"The lora adapter 'x' has already been loaded.\",\"code\":400}"))
                .isEqualTo("The lora adapter 'x' has already been loaded.");
        assertThat(ErrorMessages.extract(
                        "{\"error\":{\"message\":\"cannot be found\",\"type\":\"NotFoundError\",\"code\":404}}"))
                .isEqualTo("cannot be found");
        assertThat(ErrorMessages.extract("{\"error\":\"plain error\"}")).isEqualTo("plain error");
        assertThat(ErrorMessages.extract("{\"detail\":\"Not Found\"}")).isEqualTo("Not Found");
        assertThat(ErrorMessages.extract(
                        "{\"detail\":[{\"loc\":[\"body\",\"lora_name\"],\"msg\":\"field required\"}]}"))
                .isEqualTo("field required");
        assertThat(ErrorMessages.extract("Internal Server Error")).isEqualTo("Internal Server Error");
        assertThat(ErrorMessages.extract("")).isEqualTo("(empty body)");
        assertThat(ErrorMessages.extract("{not json")).isEqualTo("{not json");
    }

    @Test
    void longBodies_areCutToOneShortLine() {
        String message = ErrorMessages.extract("Traceback\n  line\n" + "x".repeat(2000));
        assertThat(message).doesNotContain("\n").hasSizeLessThan(510).endsWith("...");
    }

    @Test
    void wordingsOfNotFoundAndAlreadyLoaded_areRecognised() {
        assertThat(ErrorMessages.saysNotFound("The lora adapter 'x' cannot be found."))
                .isTrue();
        assertThat(ErrorMessages.saysNotFound("LoRA adapter x not found")).isTrue();
        assertThat(ErrorMessages.saysNotFound("The model `x` does not exist.")).isTrue();
        assertThat(ErrorMessages.saysNotFound("invalid path")).isFalse();
        assertThat(ErrorMessages.saysAlreadyLoaded("The lora adapter 'x' has already been loaded."))
                .isTrue();
    }
}
