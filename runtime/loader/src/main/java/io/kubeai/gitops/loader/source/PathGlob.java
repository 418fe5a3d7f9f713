package io.kubeai.gitops.loader.source;

import java.util.regex.Pattern;

/**
 * A pattern over slash-separated paths. {@code *} matches within a segment, {@code **} across
 * segments, {@code ?} one character. A pattern without a slash matches a file name at any depth
 * ({@code *.pth}); one ending in a slash matches a directory at any depth ({@code original/}); any
 * other pattern matches the whole path ({@code onnx/*.onnx}).
 */
public final class PathGlob {
    private final String glob;
    private final Pattern pattern;

    private PathGlob(String glob, Pattern pattern) {
        this.glob = glob;
        this.pattern = pattern;
    }

    public static PathGlob of(String glob) {
        String g = glob.startsWith("/") ? glob.substring(1) : glob;
        if (g.isEmpty()) {
            throw new IllegalArgumentException("empty pattern");
        }
        String regex;
        if (g.endsWith("/")) {
            regex = "(?:.*/)?" + translate(g) + ".*";
        } else if (!g.contains("/")) {
            regex = "(?:.*/)?" + translate(g);
        } else {
            regex = translate(g);
        }
        return new PathGlob(glob, Pattern.compile(regex));
    }

    public boolean matches(String path) {
        return pattern.matcher(path).matches();
    }

    @Override
    public String toString() {
        return glob;
    }

    private static String translate(String glob) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                boolean slash = i + 2 < glob.length() && glob.charAt(i + 2) == '/';
                regex.append(slash ? "(?:.*/)?" : ".*");
                i += slash ? 2 : 1;
            } else if (c == '*') {
                regex.append("[^/]*");
            } else if (c == '?') {
                regex.append("[^/]");
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return regex.toString();
    }
}
