package io.kubeai.gitops.finetune.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.kubeai.gitops.finetune.ApiException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingDataTest {
    @TempDir
    Path tmp;

    @Test
    void chatAndPromptCompletionExamples_areCounted_blankLinesSkipped() throws Exception {
        long n = TrainingData.check(write("""
                {"messages": [{"role": "user", "content": "a"}, {"role": "assistant", "content": "b"}]}

                {"prompt": "p", "completion": "c"}
                {"messages": [{"role": "user", "content": "q"}, {"role": "assistant", "tool_calls": [{"id": "1"}]}]}
                """));
        assertThat(n).isEqualTo(3);
    }

    @Test
    void theFirstBadLine_isNamed() throws Exception {
        assertThat(problem("{\"prompt\": \"p\", \"completion\": \"c\"}\n[1, 2]\n{}"))
                .contains("line 2");
        assertThat(problem("{\"messages\": [{\"role\": \"wizard\", \"content\": \"x\"}]}"))
                .contains("line 1")
                .contains("role");
        assertThat(problem("{\"messages\": []}")).contains("non-empty");
        assertThat(problem("{\"prompt\": \"only\"}")).contains("completion");
        assertThat(problem("{\"text\": \"x\"}")).contains("chat example");
        assertThat(problem("\n\n")).contains("no examples");
    }

    @Test
    void notUtf8_isRejected() throws Exception {
        Path file = tmp.resolve("latin1.jsonl");
        Files.write(file, new byte[] {'{', '"', 'p', '"', ':', '"', (byte) 0xE9, '"', '}'});
        ApiException e = catchThrowableOfType(ApiException.class, () -> TrainingData.check(file));
        assertThat(e.getMessage()).contains("UTF-8");
    }

    private String problem(String text) throws Exception {
        ApiException e = catchThrowableOfType(ApiException.class, () -> TrainingData.check(write(text)));
        assertThat(e.status()).isEqualTo(400);
        assertThat(e.param()).isEqualTo("file");
        return e.getMessage();
    }

    private Path write(String text) throws Exception {
        return Files.writeString(tmp.resolve("data.jsonl"), text);
    }
}
