package io.kubeai.gitops.loader.http;

import java.io.EOFException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The status line and headers of an HTTP/1.x response, and what they say about its body: how it is
 * framed ({@link #length}) and whether the connection may serve another request.
 *
 * @param length the Content-Length, or {@link PlainResponse#CHUNKED} or {@link PlainResponse#UNTIL_CLOSE}
 */
record ResponseHead(int status, Map<String, List<String>> headers, long length, boolean keepAlive) {
    /** Reads the head of the response to a request made with {@code method}, skipping interim (1xx) answers. */
    static ResponseHead read(PlainConnection c, String method) throws IOException {
        while (true) {
            String statusLine = c.readLine();
            if (statusLine == null) {
                throw new EOFException("the server closed the connection without answering");
            }
            String[] parts = statusLine.split(" ", 3);
            if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
                throw new IOException("not an HTTP/1.x response: " + abbreviate(statusLine));
            }
            int status;
            try {
                status = Integer.parseInt(parts[1]);
            } catch (NumberFormatException e) {
                throw new IOException("not an HTTP status: " + abbreviate(statusLine));
            }
            Map<String, List<String>> headers = readHeaders(c);
            if (status >= 100 && status < 200) {
                continue; // 100 Continue and other interim answers precede the real one.
            }
            boolean keepAlive = parts[0].equals("HTTP/1.1") && !hasToken(headers, "Connection", "close");
            long length;
            if (method.equals("HEAD") || status == 204 || status == 304) {
                length = 0;
            } else if (hasToken(headers, "Transfer-Encoding", "chunked")) {
                length = PlainResponse.CHUNKED;
            } else if (headers.containsKey("Content-Length")) {
                try {
                    length = Long.parseLong(headers.get("Content-Length").get(0).trim());
                } catch (NumberFormatException e) {
                    throw new IOException("a bad Content-Length: "
                            + abbreviate(headers.get("Content-Length").get(0)));
                }
            } else {
                length = PlainResponse.UNTIL_CLOSE;
                keepAlive = false;
            }
            return new ResponseHead(status, headers, length, keepAlive);
        }
    }

    private static Map<String, List<String>> readHeaders(PlainConnection c) throws IOException {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        int count = 0;
        for (String line; !(line = readHeadLine(c)).isEmpty(); ) {
            if (++count > 200) {
                throw new IOException("a response with more than 200 headers");
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new IOException("a malformed response header: " + abbreviate(line));
            }
            headers.computeIfAbsent(line.substring(0, colon).trim(), k -> new ArrayList<>(1))
                    .add(line.substring(colon + 1).trim());
        }
        return headers;
    }

    private static String readHeadLine(PlainConnection c) throws IOException {
        String line = c.readLine();
        if (line == null) {
            throw new EOFException("the connection closed in the middle of the response head");
        }
        return line;
    }

    private static boolean hasToken(Map<String, List<String>> headers, String name, String token) {
        for (String v : headers.getOrDefault(name, List.of())) {
            for (String t : v.split(",")) {
                if (t.trim().toLowerCase(Locale.ROOT).equals(token)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String abbreviate(String s) {
        return s.length() > 100 ? s.substring(0, 100) + "..." : s;
    }
}
