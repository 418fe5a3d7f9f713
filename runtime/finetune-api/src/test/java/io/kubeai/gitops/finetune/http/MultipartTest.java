package io.kubeai.gitops.finetune.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.kubeai.gitops.finetune.ApiException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MultipartTest {
    private static final String BOUNDARY = "XyZ-boundary-42";

    @TempDir
    Path tmp;

    @Test
    void fileAndField_areSeparated_evenWhenTheDataAlmostContainsTheDelimiter() throws Exception {
        // Bytes that start the delimiter and then stray from it, at every point, plus random binary.
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        String delimiter = "\r\n--" + BOUNDARY;
        for (int i = 1; i < delimiter.length(); i++) {
            data.writeBytes((delimiter.substring(0, i) + "!").getBytes(StandardCharsets.ISO_8859_1));
        }
        byte[] noise = new byte[300_000];
        new Random(7).nextBytes(noise);
        data.writeBytes(noise);
        data.writeBytes("\r\n\r\n--".getBytes(StandardCharsets.ISO_8859_1));
        byte[] content = data.toByteArray();

        Multipart.Form form = read(body(content, "fine-tune", "filename=\"train.jsonl\""), 1 << 20);

        assertThat(form.fields()).containsEntry("purpose", "fine-tune");
        Multipart.FilePart file = form.file().orElseThrow();
        assertThat(file.filename()).isEqualTo("train.jsonl");
        assertThat(file.size()).isEqualTo(content.length);
        assertThat(Files.readAllBytes(file.path())).isEqualTo(content);
    }

    @Test
    void aFileOverTheLimit_is413() {
        ApiException e = catchThrowableOfType(
                ApiException.class, () -> read(body(new byte[5000], "fine-tune", "filename=\"a\""), 4096));
        assertThat(e.status()).isEqualTo(413);
        assertThat(e.param()).isEqualTo("file");
    }

    @Test
    void aTruncatedBody_isMalformed() {
        byte[] whole = body("abc".getBytes(StandardCharsets.UTF_8), "fine-tune", "filename=\"a\"");
        byte[] cut = java.util.Arrays.copyOf(whole, whole.length - 20);
        ApiException e = catchThrowableOfType(ApiException.class, () -> read(cut, 4096));
        assertThat(e.status()).isEqualTo(400);
        assertThat(e.getMessage()).contains("malformed multipart");
    }

    @Test
    void boundary_isTakenFromTheContentType_quotedOrNot() {
        assertThat(Multipart.boundary("multipart/form-data; boundary=abc")).contains("abc");
        assertThat(Multipart.boundary("multipart/form-data; boundary=\"a b\"")).contains("a b");
        assertThat(Multipart.boundary("application/json")).isEmpty();
    }

    private Multipart.Form read(byte[] body, long max) throws Exception {
        return Multipart.read(new ByteArrayInputStream(body), BOUNDARY, "file", tmp.resolve("upload"), max);
    }

    private static byte[] body(byte[] content, String purpose, String filename) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"purpose\"\r\n\r\n" + purpose
                        + "\r\n--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; " + filename
                        + "\r\nContent-Type: application/octet-stream\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(content);
        out.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.ISO_8859_1));
        return out.toByteArray();
    }
}
