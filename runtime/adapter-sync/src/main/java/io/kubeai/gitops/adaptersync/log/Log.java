package io.kubeai.gitops.adaptersync.log;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.time.Instant;

/**
 * One line per event, as text ({@code time level message key=value ...}) or as JSON objects for log
 * collectors. Small on purpose: the sidecar logs state changes, not requests.
 */
public final class Log {

    /** How lines are written. */
    public enum Format {
        TEXT,
        JSON
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static volatile Format format = Format.TEXT;
    private static volatile PrintStream out = System.err;

    private Log() {}

    public static void configure(Format f, PrintStream stream) {
        format = f;
        out = stream;
    }

    /** Logs {@code message} with key/value pairs: {@code info("adapter loaded", "adapter", name)}. */
    public static void info(String message, Object... keyValues) {
        write("info", message, keyValues);
    }

    public static void warn(String message, Object... keyValues) {
        write("warn", message, keyValues);
    }

    public static void error(String message, Object... keyValues) {
        write("error", message, keyValues);
    }

    private static void write(String level, String message, Object... kv) {
        String line;
        if (format == Format.JSON) {
            ObjectNode node = JSON.createObjectNode();
            node.put("time", Instant.now().toString());
            node.put("level", level);
            node.put("msg", message);
            for (int i = 0; i + 1 < kv.length; i += 2) {
                node.put(String.valueOf(kv[i]), kv[i + 1] == null ? null : String.valueOf(kv[i + 1]));
            }
            line = node.toString();
        } else {
            StringBuilder b = new StringBuilder(Instant.now().toString())
                    .append(' ')
                    .append(level.toUpperCase())
                    .append(' ')
                    .append(message);
            for (int i = 0; i + 1 < kv.length; i += 2) {
                b.append(' ').append(kv[i]).append('=').append(quote(kv[i + 1]));
            }
            line = b.toString();
        }
        out.println(line);
    }

    private static String quote(Object value) {
        String s = String.valueOf(value);
        if (s.isEmpty() || s.chars().anyMatch(c -> c == ' ' || c == '"' || c == '=' || c < 32)) {
            return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + '"';
        }
        return s;
    }
}
