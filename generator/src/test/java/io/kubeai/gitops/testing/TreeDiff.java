package io.kubeai.gitops.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/** Compares two folders file by file and describes the differences as unified diffs. */
public final class TreeDiff {
    private TreeDiff() {}

    public static Map<String, String> read(Path dir) throws IOException {
        Map<String, String> files = new TreeMap<>();
        if (!Files.isDirectory(dir)) {
            return files;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                files.put(dir.relativize(p).toString().replace('\\', '/'), Files.readString(p, StandardCharsets.UTF_8));
            }
        }
        return files;
    }

    /** Empty when equal; otherwise a readable report of every difference. */
    public static String diff(Map<String, String> expected, Map<String, String> actual) {
        StringBuilder out = new StringBuilder();
        TreeSet<String> names = new TreeSet<>(expected.keySet());
        names.addAll(actual.keySet());
        for (String name : names) {
            String e = expected.get(name);
            String a = actual.get(name);
            if (e == null) {
                out.append("+++ unexpected file ").append(name).append('\n');
            } else if (a == null) {
                out.append("--- missing file ").append(name).append('\n');
            } else if (!e.equals(a)) {
                out.append(unified(name, e, a));
            }
        }
        return out.toString();
    }

    /** A minimal unified diff (LCS over lines) with 2 lines of context. */
    static String unified(String name, String expected, String actual) {
        List<String> a = expected.lines().toList();
        List<String> b = actual.lines().toList();
        int[][] lcs = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<String> lines = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
                lines.add("  " + a.get(i));
                i++;
                j++;
            } else if (j < b.size() && (i == a.size() || lcs[i][j + 1] >= lcs[i + 1][j])) {
                lines.add("+ " + b.get(j++));
            } else {
                lines.add("- " + a.get(i++));
            }
        }
        StringBuilder out = new StringBuilder("@@ ").append(name).append(" (- expected, + actual)\n");
        for (int k = 0; k < lines.size(); k++) {
            boolean near = false;
            for (int d = -2; d <= 2 && !near; d++) {
                int n = k + d;
                near = n >= 0 && n < lines.size() && !lines.get(n).startsWith("  ");
            }
            if (near) {
                out.append(lines.get(k)).append('\n');
            }
        }
        return out.toString();
    }
}
