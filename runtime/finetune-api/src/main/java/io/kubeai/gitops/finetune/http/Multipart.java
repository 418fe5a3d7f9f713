package io.kubeai.gitops.finetune.http;

import io.kubeai.gitops.finetune.ApiException;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A streaming reader of {@code multipart/form-data} bodies: text fields are kept in memory (small,
 * bounded), the one file part goes straight to a file on disk, so an upload never has to fit in memory.
 */
public final class Multipart {
    private static final Pattern BOUNDARY = Pattern.compile("boundary=(\"([^\"]+)\"|[^;\\s]+)");
    private static final Pattern NAME = Pattern.compile("\\bname=\"([^\"]*)\"");
    private static final Pattern FILENAME = Pattern.compile("\\bfilename=\"([^\"]*)\"");
    private static final int MAX_FIELD_BYTES = 64 * 1024;
    private static final int MAX_HEADER_BYTES = 16 * 1024;
    private static final int MAX_PARTS = 16;

    /** The form: its text fields and the file part, if there was one. */
    public record Form(Map<String, String> fields, Optional<FilePart> file) {}

    /**
     * The file part, stored on disk.
     *
     * @param field    the form field's name
     * @param filename the name the client gave
     * @param path     where the bytes are
     * @param size     how many bytes
     */
    public record FilePart(String field, String filename, Path path, long size) {}

    private final BufferedInputStream in;
    private final byte[] delimiter;
    private final int[] fallback;

    private Multipart(InputStream in, String boundary) {
        this.in = new BufferedInputStream(in, 64 * 1024);
        this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        this.fallback = failureFunction(delimiter);
    }

    /** The boundary of a {@code multipart/form-data} content type, if it is one. */
    public static Optional<String> boundary(String contentType) {
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            return Optional.empty();
        }
        Matcher m = BOUNDARY.matcher(contentType);
        return m.find() ? Optional.of(m.group(2) != null ? m.group(2) : m.group(1)) : Optional.empty();
    }

    /**
     * Reads the whole body. The part named {@code fileField} goes to {@code fileTarget}, at most
     * {@code maxFileBytes}; a longer one fails with 413 and leaves the partial file for the caller to
     * delete.
     */
    public static Form read(InputStream body, String boundary, String fileField, Path fileTarget, long maxFileBytes)
            throws IOException, ApiException {
        return new Multipart(body, boundary).read(fileField, fileTarget, maxFileBytes);
    }

    private Form read(String fileField, Path fileTarget, long maxFileBytes) throws IOException, ApiException {
        // The first delimiter has no line break before it: pretend it had one.
        if (!skipPreamble()) {
            throw malformed("no multipart boundary found");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        FilePart file = null;
        for (int parts = 0; ; parts++) {
            if (parts > MAX_PARTS) {
                throw malformed("more than " + MAX_PARTS + " parts");
            }
            String afterDelimiter = readLine(4);
            if (afterDelimiter.startsWith("--")) {
                return new Form(fields, Optional.ofNullable(file));
            }
            String headers = readHeaders();
            Matcher name = NAME.matcher(headers);
            if (!name.find()) {
                throw malformed("a part without a name");
            }
            Matcher filename = FILENAME.matcher(headers);
            // Some clients send a file part without a filename (bytes rather than a file): still the file.
            if (name.group(1).equals(fileField)) {
                if (file != null) {
                    throw ApiException.invalid(fileField, "invalid_file", "send one file per upload");
                }
                long size;
                try (OutputStream out = Files.newOutputStream(fileTarget)) {
                    size = copyUntilDelimiter(out, maxFileBytes);
                }
                if (size < 0) {
                    throw ApiException.tooLarge(
                            fileField,
                            "the file is larger than the limit of " + maxFileBytes
                                    + " bytes; split the training data or ask the operator to raise MAX_UPLOAD_BYTES");
                }
                file = new FilePart(fileField, filename.find() ? filename.group(1) : "", fileTarget, size);
            } else {
                ByteArrayOutputStream value = new ByteArrayOutputStream();
                if (copyUntilDelimiter(value, MAX_FIELD_BYTES) < 0) {
                    throw ApiException.tooLarge(name.group(1), "form field '" + name.group(1) + "' is too long");
                }
                fields.put(name.group(1), value.toString(StandardCharsets.UTF_8));
            }
        }
    }

    private boolean skipPreamble() throws IOException {
        byte[] first = new byte[delimiter.length - 2];
        System.arraycopy(delimiter, 2, first, 0, first.length);
        int matched = 0;
        int b;
        while ((b = in.read()) >= 0) {
            matched = b == first[matched] ? matched + 1 : (b == first[0] ? 1 : 0);
            if (matched == first.length) {
                return true;
            }
        }
        return false;
    }

    /** Copies bytes up to the next delimiter (consumed); -1 when more than {@code max} came first. */
    private long copyUntilDelimiter(OutputStream out, long max) throws IOException, ApiException {
        byte[] buffer = new byte[64 * 1024];
        int buffered = 0;
        long written = 0;
        int matched = 0;
        int b;
        while ((b = in.read()) >= 0) {
            while (matched > 0 && b != (delimiter[matched] & 0xff)) {
                // The partial match was data after all: emit what the shorter match no longer covers.
                int keep = fallback[matched - 1];
                for (int i = 0; i < matched - keep; i++) {
                    if (buffered == buffer.length) {
                        out.write(buffer, 0, buffered);
                        buffered = 0;
                    }
                    buffer[buffered++] = delimiter[i];
                    written++;
                }
                matched = keep;
            }
            if (b == (delimiter[matched] & 0xff)) {
                matched++;
                if (matched == delimiter.length) {
                    out.write(buffer, 0, buffered);
                    return written;
                }
                continue;
            }
            if (buffered == buffer.length) {
                out.write(buffer, 0, buffered);
                buffered = 0;
            }
            buffer[buffered++] = (byte) b;
            written++;
            if (written > max) {
                return -1;
            }
        }
        throw malformed("the body ended inside a part");
    }

    private String readHeaders() throws IOException, ApiException {
        StringBuilder headers = new StringBuilder();
        while (true) {
            String line = readLine(MAX_HEADER_BYTES);
            if (line.isEmpty()) {
                return headers.toString();
            }
            headers.append(line).append('\n');
            if (headers.length() > MAX_HEADER_BYTES) {
                throw malformed("part headers too long");
            }
        }
    }

    private String readLine(int max) throws IOException, ApiException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            if (b == '\n') {
                String s = line.toString(StandardCharsets.UTF_8);
                return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
            }
            line.write(b);
            if (line.size() > max) {
                if (line.toString(StandardCharsets.ISO_8859_1).startsWith("--")) {
                    return "--";
                }
                throw malformed("a header line is too long");
            }
        }
        String s = line.toString(StandardCharsets.UTF_8);
        if (s.startsWith("--")) {
            return s;
        }
        throw malformed("the body ended early");
    }

    private static ApiException malformed(String what) {
        return ApiException.invalid(null, "invalid_multipart", "malformed multipart/form-data body: " + what);
    }

    private static int[] failureFunction(byte[] pattern) {
        int[] f = new int[pattern.length];
        for (int i = 1, k = 0; i < pattern.length; i++) {
            while (k > 0 && pattern[i] != pattern[k]) {
                k = f[k - 1];
            }
            if (pattern[i] == pattern[k]) {
                k++;
            }
            f[i] = k;
        }
        return f;
    }
}
